// `yinyom/elements/notice`: registers <yinyom-notice> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomNotice } from '../ui/notice/yinyom-notice.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-notice', YinyomNotice);

export { YinyomNotice };
