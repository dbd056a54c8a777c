import { unsafeCSS, type CSSResult } from '@lit/reactive-element/css-tag.js';

/**
 * Tags a style sheet of the elements: Lit's `css` without interpolation, which none of them
 * needs. Lit's tag carries the checks and error messages for interpolated values, about
 * 140 B gzip of a first visit; this one only wraps the text (and its type refuses `${}`).
 * The build strips the sheets' indentation (rollup.config.mjs), as for Lit's. Imported from
 * Lit's own `css-tag` module, not `lit`: the banner is no Lit element, and its bundle should
 * carry none of Lit's other modules.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
