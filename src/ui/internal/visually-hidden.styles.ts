import { css } from './css.js';

/** Text for screen readers only. */
export const visuallyHidden = css`
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
