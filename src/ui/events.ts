import type { Receipt, View } from '../core/types.js';

/**
 * Fired by the banner, the preferences dialog and the notice dialog when they open
 * (`detail.open` true) or close, like the native `toggle` event of `<dialog>`. Bubbles out of
 * shadow roots, so a page can listen on `document`, e.g. to move a chat button out of the way.
 */
export class YinyomToggleEvent extends Event {
  static readonly eventName = 'yinyom-toggle';
  constructor(readonly detail: { view: View; open: boolean }) {
    super(YinyomToggleEvent.eventName, { bubbles: true, composed: true });
  }
}

/**
 * Fired by an element after a decision made in it was durably stored: `detail.receipt` is the
 * receipt. The core's `yinyom-change` on `document` follows every decision; this one says
 * which element the person used.
 */
export class YinyomDecisionEvent extends Event {
  static readonly eventName = 'yinyom-decision';
  constructor(readonly detail: { receipt: Receipt }) {
    super(YinyomDecisionEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when a decision could not be recorded (the element shows the error too). */
export class YinyomErrorEvent extends Event {
  static readonly eventName = 'yinyom-error';
  constructor(readonly detail: { error: unknown }) {
    super(YinyomErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'yinyom-toggle': YinyomToggleEvent;
    'yinyom-decision': YinyomDecisionEvent;
    'yinyom-error': YinyomErrorEvent;
  }
}
