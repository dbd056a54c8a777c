import { css } from '../internal/css.js';

export const styles = css`
  :host {
    display: block;
    background: none;
    --_sensitive: var(--yinyom-sensitive, #b54708);
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_sensitive: var(--yinyom-sensitive, light-dark(#b54708, #fdb022));
    }
  }
  fieldset {
    background: var(--_bg);
    margin: 0;
    padding: 0.75rem 1rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    display: grid;
    gap: 0.75rem;
    min-width: 0;
  }
  legend {
    padding: 0 0.25rem;
    font-weight: 600;
  }
  .hint {
    color: var(--_muted);
  }
  .purpose {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.125rem 0.75rem;
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .purpose > :not(input) {
    grid-column: 2;
  }
  .sensitive {
    border-inline-start: 4px solid var(--_sensitive);
  }
  input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
  }
  .purpose label {
    cursor: pointer;
  }
  .purpose p {
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 1rem;
    color: var(--_sensitive);
    font-size: 0.875em;
    font-weight: 600;
  }
  .actor {
    border: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  .actor label {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  summary {
    width: fit-content;
    color: var(--_accent);
    cursor: pointer;
  }
  dl {
    margin: 0.25rem 0 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.5rem;
  }
  dd ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
`;
