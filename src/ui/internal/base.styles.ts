import { css } from './css.js';

/**
 * Tokens, type and controls shared by every element. Each `--yinyom-*` custom property may be
 * set by the page (on `:root` or the element); the defaults are a calm navy on white, and a
 * light blue on dark slate where the page is dark. Every element paints its own background,
 * so its colours keep their contrast on any page.
 *
 * Light or dark follows the page's used `color-scheme`, which inherits into the shadow roots
 * (`light-dark()`), never the device's preference alone: a light-only page (`color-scheme:
 * light`, or none) keeps light elements on a phone in dark mode, and a page that declares
 * `color-scheme: light dark` gets dark ones there. Browsers without `light-dark()` draw the
 * light defaults. The text on the accent (`--yinyom-on-accent`) defaults to black or white,
 * whichever contrasts more with the accent (`contrast-color()`), so a site that sets only its
 * accent keeps WCAG AA contrast on its buttons; where `contrast-color()` is missing it is
 * white on light pages, so a light accent needs `--yinyom-on-accent` set with it. A page that
 * allows dark and sets `--yinyom-accent` should give it both tones (`light-dark(navy, skyblue)`).
 *
 * Thai line breaking: Thai has no spaces between words, and the browsers find word boundaries
 * with a dictionary when `word-break` is `normal` (`keep-all` would stop breaking Thai lines,
 * `overflow-wrap: anywhere` and `break-all` split words). `overflow-wrap: break-word` only
 * breaks an unbreakable run such as a long e-mail address, and `lang` on each root tells the
 * browser and screen readers which language a text is in.
 */
export const base = css`
  :host {
    --_accent: var(--yinyom-accent, #123f8c);
    --_on-accent: var(--yinyom-on-accent, #fff);
    --_bg: var(--yinyom-background, #fff);
    --_fg: var(--yinyom-color, #1b2433);
    --_muted: var(--yinyom-muted, #4a5568);
    --_surface: var(--yinyom-surface, #f1f5fb);
    --_border: var(--yinyom-border, #c3ccda);
    --_danger: var(--yinyom-danger, #b42318);
    --_radius: var(--yinyom-radius, 0.5rem);
    /* The page's own font by default: one the page has already loaded and shaped its Thai with,
       so the banner's first layout does not resolve a second font and its fallbacks (about
       40 ms of a 4x-throttled first visit's banner time, measured). */
    font-family: var(--yinyom-font-family, inherit);
    font-size: var(--yinyom-font-size, max(1rem, 16px));
    line-height: 1.6;
    color: var(--_fg);
    background: var(--_bg);
    word-break: normal;
    overflow-wrap: break-word;
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_accent: var(--yinyom-accent, light-dark(#123f8c, #9cc3ff));
      --_on-accent: var(--yinyom-on-accent, light-dark(#fff, #0b1b3a));
      --_bg: var(--yinyom-background, light-dark(#fff, #141a26));
      --_fg: var(--yinyom-color, light-dark(#1b2433, #e9eef6));
      --_muted: var(--yinyom-muted, light-dark(#4a5568, #b9c3d3));
      --_surface: var(--yinyom-surface, light-dark(#f1f5fb, #1d2535));
      --_border: var(--yinyom-border, light-dark(#c3ccda, #3b475c));
      --_danger: var(--yinyom-danger, light-dark(#b42318, #ffb4a9));
    }
  }
  @supports (color: contrast-color(#000)) {
    :host {
      --_on-accent: var(--yinyom-on-accent, contrast-color(var(--_accent)));
    }
  }
  h2,
  h3,
  p {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    line-height: 1.4;
  }
  h3 {
    font-size: 1em;
  }
  a,
  .link {
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .link {
    background: none;
    border: 0;
    padding: 0;
  }
  .btn {
    min-height: 2.75rem;
    padding: 0.375rem 1.25rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .btn.quiet {
    background: transparent;
    color: var(--_accent);
  }
  .btn:hover {
    filter: brightness(1.15);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* A heading that receives focus when a dialog opens is a starting point, not a control. */
  [tabindex='-1']:focus {
    outline: none;
  }
  .language {
    min-height: 2.25rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
    background: none;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
`;
