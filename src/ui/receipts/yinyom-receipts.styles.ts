import { css } from '../internal/css.js';

export const styles = css`
  :host {
    display: block;
  }
  [hidden] {
    display: none !important;
  }
  /* Sub-headings look the same whether they are h3 or, with no-heading, h2. */
  .sub {
    font-size: 1em;
    line-height: inherit;
  }
  section {
    display: grid;
    gap: 0.75rem;
    max-width: 48rem;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .current li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .current .title {
    flex: 1 1 12rem;
  }
  .granted {
    color: var(--_accent);
    font-weight: 600;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .history > li {
    padding: 0.75rem;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .history p {
    margin: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
  }
  .status::before {
    content: '● ';
  }
  .failed {
    color: var(--_danger);
  }
  code {
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
`;
