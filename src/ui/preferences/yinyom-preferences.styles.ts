import { css } from '../internal/css.js';
export const styles = css`
  .intro {
    margin-bottom: 0.5rem;
  }
  section {
    display: grid;
    gap: 0.25rem;
    padding: 0.75rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }
  .row h3 {
    flex: 1;
  }
  .always {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .group {
    margin-top: 1rem;
  }
  /* The switch: a track and a knob that moves right when on; colour is never the only cue. */
  [role='switch'] {
    flex: none;
    position: relative;
    width: 3.25rem;
    height: 1.75rem;
    padding: 0;
    border: 2px solid var(--_muted);
    border-radius: 1rem;
    background: var(--_bg);
  }
  [role='switch']::after {
    content: '';
    position: absolute;
    top: 0.1875rem;
    left: 0.1875rem;
    width: 1.125rem;
    height: 1.125rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  [aria-checked='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  [aria-checked='true']::after {
    left: 1.6875rem;
    background: var(--_on-accent);
  }
  [role='switch']:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  /* Forced colours repaint backgrounds: keep the knob, whose position says on or off, visible. */
  @media (forced-colors: active) {
    [role='switch']::after {
      background: CanvasText;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    [role='switch']::after {
      transition: left 0.15s;
    }
  }
  summary {
    width: fit-content;
    color: var(--_accent);
    cursor: pointer;
  }
  details table {
    margin-top: 0.5rem;
    font-size: 0.9em;
  }
`;
