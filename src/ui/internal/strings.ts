import { msg } from '../../i18n/localization.js';

/** Strings used by more than one element, defined once so their message ids stay unique. */
export const acceptAll = () => msg('ยอมรับทั้งหมด', { id: 'banner.accept-all', desc: 'Grant every optional cookie category.' });
export const rejectAll = () => msg('ปฏิเสธทั้งหมด', { id: 'banner.reject-all', desc: 'Deny every optional cookie category; same weight as accept.' });
export const closeLabel = () => msg('ปิด', { id: 'ui.close', desc: 'Close a dialog.' });
