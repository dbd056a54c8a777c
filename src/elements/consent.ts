// `yinyom/elements/consent`: registers <yinyom-consent> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomConsent } from '../ui/consent/yinyom-consent.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-consent', YinyomConsent);

export { YinyomConsent };
// Its event, and with it the type of `yinyom-input` in GlobalEventHandlersEventMap.
export { YinyomInputEvent } from '../ui/consent/yinyom-input-event.js';
