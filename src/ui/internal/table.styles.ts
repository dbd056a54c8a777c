import { css } from './css.js';

/** Tables of the notice and of the cookie lists; apart from `base`, so that the banner's bundle does not carry them. */
export const table = css`
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 0.25rem 0.5rem;
    text-align: start;
    vertical-align: top;
  }
  th {
    background: var(--_surface);
  }
`;
