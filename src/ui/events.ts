import type { Receipt, View } from '../core/types.js';

/** Fired by the banner, the preferences dialog and the notice dialog when they open. Bubbles out of shadow roots. */
export class YinyomShowEvent extends Event {
  static readonly eventName = 'yinyom-show';
  constructor(readonly detail: { view: View }) {
    super(YinyomShowEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired when the banner or a dialog closes. */
export class YinyomHideEvent extends Event {
  static readonly eventName = 'yinyom-hide';
  constructor(readonly detail: { view: View }) {
    super(YinyomHideEvent.eventName, { bubbles: true, composed: true });
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
    'yinyom-show': YinyomShowEvent;
    'yinyom-hide': YinyomHideEvent;
    'yinyom-decision': YinyomDecisionEvent;
    'yinyom-error': YinyomErrorEvent;
  }
}
