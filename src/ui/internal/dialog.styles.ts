import { css } from './css.js';

/** A modal `<dialog>`: header and footer stay, the body scrolls between them. */
export const dialog = css`
  dialog {
    box-sizing: border-box;
    width: min(42rem, 100vw - 1rem);
    max-height: min(92vh, 100dvh - 1rem);
    padding: 0;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.3);
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
  }
  dialog::backdrop {
    background: rgb(10 20 40 / 0.55);
  }
  header {
    display: grid;
    grid-template-columns: 1fr auto auto;
    align-items: center;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-bottom: 1px solid var(--_border);
  }
  /* On a phone the title keeps the close button beside it; the language button goes below. */
  @media (max-width: 32rem) {
    header {
      grid-template-columns: 1fr auto;
    }
    header .language {
      grid-row: 2;
      justify-self: start;
    }
  }
  footer {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    padding: 0.75rem 1rem;
    border-top: 1px solid var(--_border);
  }
  footer .btn {
    flex: 1 1 9rem;
  }
  .body {
    overflow: auto;
    padding: 1rem;
  }
  .close {
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: var(--_radius);
    background: none;
    font-size: 1.75rem;
    line-height: 1;
  }
`;
