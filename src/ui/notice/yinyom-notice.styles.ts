import { css } from '../internal/css.js';

export const styles = css`
  :host {
    display: block;
  }
  :host([modal]) {
    display: contents;
  }
  article {
    max-width: 48rem;
  }
  .meta {
    color: var(--_muted);
    margin: 0.25rem 0 1rem;
  }
  p,
  ul,
  ol,
  dl,
  .table {
    margin: 0 0 0.75rem;
  }
  nav {
    margin: 1rem 0 1.5rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
  }
  nav ol {
    margin: 0.25rem 0 0;
  }
  section {
    margin-top: 1.5rem;
  }
  section > h3 {
    font-size: 1.125em;
    margin-bottom: 0.5rem;
  }
  /* Clause numbers are text (yinyom-notice.ts says why): a hanging column beside the clause. */
  ol {
    list-style: none;
    padding-inline-start: 0;
  }
  ol > li {
    display: grid;
    grid-template-columns: minmax(2.5em, max-content) 1fr;
    column-gap: 0.5em;
  }
  ol > li > div > :last-child {
    margin-bottom: 0;
  }
  nav li {
    grid-template-columns: minmax(1.5em, max-content) 1fr;
  }
  li {
    margin-bottom: 0.25rem;
  }
  .added {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--_border);
    background: var(--_surface);
  }
  .added-label {
    margin: 0 0 0.25rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .added > :last-child {
    margin-bottom: 0;
  }
  h3[tabindex] {
    scroll-margin-top: 1rem;
  }
  .table {
    overflow-x: auto;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.25rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.75rem;
  }
  dialog {
    width: min(56rem, 100vw - 1rem);
  }
  dialog header {
    grid-template-columns: 1fr auto;
    align-items: start;
  }
  @media print {
    :host {
      --_accent: #000;
      --_fg: #000;
      --_muted: #333;
      --_surface: #fff;
      --_border: #666;
      font-size: 12pt;
    }
    a[href^='http']::after {
      content: ' <' attr(href) '>';
      font-size: 0.85em;
    }
    h2,
    h3 {
      break-after: avoid;
    }
    tr,
    li {
      break-inside: avoid;
    }
    .table {
      overflow: visible;
    }
    .close {
      display: none;
    }
  }
`;
