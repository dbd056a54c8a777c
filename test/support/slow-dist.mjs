/**
 * Serves `/dist/` again under `/slow-dist/`, where the script tag's modules (yinyom-ui.js,
 * yinyom-config.js and their chunks) answer `delayMs` late: a page that loads yinyom.js from
 * there has been parsed, and would have painted, long before its banner can exist. The test of
 * the banner in the first frame (test/bundle/script-tag.test.ts) is built on it.
 */
export function slowDist(delayMs) {
  return async (context, next) => {
    if (!context.path.startsWith('/slow-dist/')) return next();
    const file = context.path.slice('/slow-dist/'.length);
    if (file !== 'yinyom.js') await new Promise((resolve) => setTimeout(resolve, delayMs));
    context.path = `/dist/${file}`;
    return next();
  };
}
