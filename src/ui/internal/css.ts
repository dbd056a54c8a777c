import { unsafeCSS, type CSSResult } from 'lit';

/**
 * Tags a style sheet of the elements: Lit's `css` without interpolation, which none of them
 * needs. Lit's tag carries the checks and error messages for interpolated values, about
 * 140 B gzip of a first visit; this one only wraps the text (and its type refuses `${}`).
 * The build strips the sheets' indentation (rollup.config.mjs), as for Lit's.
 */
export const css = (strings: TemplateStringsArray): CSSResult => unsafeCSS(strings[0]);
