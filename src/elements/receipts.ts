// `yinyom/elements/receipts`: registers <yinyom-receipts> alone (unless a tag of that name is defined), so an app pays for this element and Lit only.
import { YinyomReceipts } from '../ui/receipts/yinyom-receipts.js';
import { defineElement } from '../ui/define.js';

defineElement('yinyom-receipts', YinyomReceipts);

export { YinyomReceipts };
