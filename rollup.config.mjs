// Bundles the tsc output in dist/esm into the files a script tag loads. One build, no babel:
//   dist/yinyom.js          IIFE: the core, API, gating and auto boot (the returning visitor's only file)
//   dist/yinyom-ui.js       ES module: Lit + banner + preferences; page elements in lazily imported chunks
//   dist/yinyom-receipts.js ES module: receipts, sync, cookie clearing, config problem texts; imported when needed
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

// The production export condition gives Lit without its dev-mode checks and warnings.
const resolve = () => nodeResolve({ browser: true, exportConditions: ['production'] });
const minify = (module) => terser({ ecma: 2020, module, compress: { passes: 2 }, format: { comments: false } });

export default [
  {
    input: 'dist/esm/auto.js',
    output: { file: 'dist/yinyom.js', format: 'iife' },
    plugins: [resolve(), minify(false)],
  },
  {
    input: { 'yinyom-ui': 'dist/esm/ui/index.js', 'yinyom-receipts': 'dist/esm/core/deferred.js' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    plugins: [resolve(), minify(true)],
  },
];
