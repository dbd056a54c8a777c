import { css } from '../internal/css.js';
export const styles = css`
  :host {
    position: fixed;
    inset: auto 0 0;
    z-index: var(--yinyom-z-index, 2147483000);
  }
  :host(:not([open])) {
    display: none;
  }
  [part~='base'] {
    box-sizing: border-box;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 2rem;
    max-height: 100dvh;
    overflow: auto;
    padding: 1rem max(1rem, (100% - 72rem) / 2);
    border-top: 4px solid var(--_accent);
    background: var(--_bg);
    box-shadow: 0 -0.25rem 1.5rem rgb(0 0 0 / 0.2);
  }
  .text {
    flex: 1 1 30rem;
    display: grid;
    gap: 0.25rem;
  }
  .top {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5rem;
  }
  .actions {
    flex: 1 1 18rem;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  /* Accept all and Reject all share a row at the same size; Settings fills the next. */
  .actions .btn {
    flex: 1 1 9rem;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
