import type { Choices } from '../../core/types.js';

/**
 * Fired by `<yinyom-consent>` when its boxes change before the form is sent: a box ticked or
 * unticked, or the form reset. `detail.choices` holds every purpose of the element, `true`
 * when ticked; nothing is recorded yet (the receipt is written on submit). Bubbles out of the
 * shadow root, so a page can listen on the form, e.g. to enable a field only when its
 * purpose is ticked.
 *
 * Kept apart from `../events.ts`, whose events the first-visit UI uses, so that it travels
 * only with the inline-consent chunk.
 *
 * @example
 * ```js
 * form.addEventListener('yinyom-input', (event) => {
 *   form.elements.dietary.disabled = !event.detail.choices.dietary;
 * });
 * ```
 */
export class YinyomInputEvent extends Event {
  static readonly eventName = 'yinyom-input';
  constructor(readonly detail: { choices: Choices }) {
    super(YinyomInputEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'yinyom-input': YinyomInputEvent;
  }
}
