// Bundles the tsc output in dist/esm into the files a script tag loads. One build, no babel:
//   dist/yinyom.js          IIFE: the core, API, gating and auto boot (the returning visitor's only file)
//   dist/yinyom-ui.js       ES module: the banner (no Lit); the preferences and page elements in lazily imported chunks, Lit in one they share
//   dist/yinyom-receipts.js ES module: receipts, sync, merging choices, cookie clearing; imported on the first sign of a decision
//   dist/yinyom-config.js   ES module: the config checker and its wording; imported for a config not checked before
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The production export condition gives Lit without its dev-mode checks and warnings.
const resolve = () => nodeResolve({ browser: true, exportConditions: ['production'] });
const minify = (module) => terser({ ecma: 2020, module, compress: { passes: 2 }, format: { comments: false } });

/**
 * Removes the source indentation from the `html` and `css` templates of the elements (terser
 * leaves template text alone). Only the static text of a template changes, never an
 * expression, and only a run of white space that holds a line break:
 * - in `html`, the run becomes one space, which renders exactly as the run did. Thai puts no
 *   spaces between words, so nothing is ever removed between two characters of text, and a
 *   line break inside a Thai sentence already rendered as a space (CSS Text 3 drops segment
 *   breaks only between wide East Asian characters). A template with `<pre>` or `<textarea>`
 *   is left as it is.
 * - in `css`, outside quoted strings, comments go, and so does white space around `{`, `}`,
 *   `;`, `,`, after `:` and at either end of the sheet; any other run with a line break becomes
 *   one space. Selectors keep the spaces that are combinators (`a :focus`, `.x .y`).
 * The build fails if a style sheet of the elements makes white space significant
 * (`white-space: pre…` or `break-spaces`), since collapsing could then show.
 */
function minifyTemplates() {
  const breaks = /[^\S\n]*\n\s*/g;
  const html = (text) => text.replace(breaks, ' ');
  const css = (text, first, last) => {
    const parts = text.replace(/\/\*[\s\S]*?\*\//g, '').split(/('[^'\n]*'|"[^"\n]*")/);
    let out = parts
      .map((part, i) => (i % 2 ? part : part.replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':').replace(/;}/g, '}').replace(breaks, ' ')))
      .join('');
    if (first) out = out.trimStart();
    if (last) out = out.trimEnd();
    return out;
  };
  return {
    name: 'yinyom-minify-templates',
    transform(code, id) {
      if (!/[\\/]esm[\\/]ui[\\/].*\.js$/.test(id) || !/\b(html|css)\s*`/.test(code)) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(html|css)$/.test(node.tag.name)) {
          const quasis = node.quasi.quasis;
          const all = quasis.map((quasi) => quasi.value.raw).join('');
          if (node.tag.name === 'css' && /white-space\s*:\s*(pre|break-spaces)/.test(all)) {
            this.error(`${id}: a style sheet makes white space significant; the template minifier cannot collapse it safely`);
          }
          if (node.tag.name === 'css' || !/<(pre|textarea)\b/i.test(all)) {
            quasis.forEach((quasi, i) => {
              const raw = code.slice(quasi.start, quasi.end);
              if (raw !== quasi.value.raw) this.error(`${id}: unexpected template position at ${quasi.start}`);
              const text = node.tag.name === 'html' ? html(raw) : css(raw, i === 0, i === quasis.length - 1);
              if (text !== raw) edits.push([quasi.start, quasi.end, text]);
            });
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object') visit(value);
        }
      };
      visit(this.parse(code));
      if (!edits.length) return null;
      edits.sort((a, b) => b[0] - a[0]);
      for (const [start, end, text] of edits) code = code.slice(0, start) + text + code.slice(end);
      return { code, map: null };
    },
  };
}

/**
 * Marks the files that a page runs in full as soon as they arrive, so that V8 compiles each
 * function once, as the file is compiled, instead of pre-parsing it then parsing it again on
 * its first call (explicit compile hints, Chrome 136: https://v8.dev/blog/explicit-compile-hints).
 * The comment must open the file, so it goes on after minifying. Measured at 4x CPU, 13–15
 * interleaved loads a side: script time −6 ms on a returning visit and on a first visit, the
 * banner visible about 18 ms sooner. Not for yinyom-receipts.js nor the page elements' chunks,
 * of which a load runs only part.
 */
function compileHints(fileNames) {
  return {
    name: 'yinyom-compile-hints',
    renderChunk: (code, chunk) => (fileNames.includes(chunk.fileName) ? { code: `//# allFunctionsCalledOnLoad\n${code}`, map: null } : null),
  };
}
const RUN_IN_FULL = ['yinyom.js', 'yinyom-ui.js', 'yinyom-config.js'];

export default [
  {
    input: 'dist/esm/auto.js',
    output: { file: 'dist/yinyom.js', format: 'iife' },
    plugins: [resolve(), minify(false), compileHints(RUN_IN_FULL)],
  },
  {
    input: { 'yinyom-ui': 'dist/esm/ui/index.js', 'yinyom-receipts': 'dist/esm/core/deferred.js', 'yinyom-config': 'dist/esm/core/config.js' },
    // The page-element chunks import the shared element code (styles, strings, events, the
    // consent controller) from yinyom-ui.js itself,
    // which may therefore export more than `show` and `define`; strict signatures would put
    // it all in a chunk behind a re-exporting yinyom-ui.js: one more request on a first visit.
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [minifyTemplates(), resolve(), minify(true), compileHints(RUN_IN_FULL)],
  },
];
