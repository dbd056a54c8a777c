// The console's elements, with Lit, as one ES module the collector serves at /admin/console.js.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  input: new URL('src/yinyom-console.js', import.meta.url).pathname,
  output: { file: new URL('dist/console.js', import.meta.url).pathname, format: 'es' },
  // The production export condition gives Lit without its dev-mode checks and warnings.
  plugins: [nodeResolve({ browser: true, exportConditions: ['production'] }), terser({ ecma: 2020, module: true, format: { comments: false } })],
};
