// `yinyom/elements/manage`: registers <yinyom-manage> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomManage } from '../ui/manage/yinyom-manage.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-manage', YinyomManage);

export { YinyomManage };
