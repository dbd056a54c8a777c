// `yinyom/elements/banner`: registers <yinyom-banner> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomBanner } from '../ui/banner/yinyom-banner.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-banner', YinyomBanner);

export { YinyomBanner };
