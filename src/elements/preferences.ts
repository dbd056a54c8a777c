// `yinyom/elements/preferences`: registers <yinyom-preferences> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomPreferences } from '../ui/preferences/yinyom-preferences.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-preferences', YinyomPreferences);

export { YinyomPreferences };
