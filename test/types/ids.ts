// Type-checked with tsc --strict (test/server/types.test.mjs): ids inferred from a literal config.
import { createConsent, type Config } from 'yinyom';

const consent = createConsent({
  controller: { name: 'สถาบัน' },
  notice: '/notice.json',
  categories: [
    { id: 'necessary', title: 'จำเป็น', required: true },
    { id: 'analytics', title: 'วิเคราะห์' },
  ],
  purposes: [{ id: 'dietary', title: 'การแพ้อาหาร', sensitive: true }],
});
consent.get('analytics');
void consent.whenGranted('dietary');
void consent.set({ analytics: true, dietary: false });
void consent.withdraw(['dietary']);
// @ts-expect-error: not an id of the config
consent.get("analytics-typo");
// @ts-expect-error: not an id of the config
void consent.set({ analytcs: true });

// A config loaded as JSON, or typed as Config: any id.
const loaded = createConsent(JSON.parse('{}'));
loaded.get('whatever');
const typed: Config = { controller: { name: 'ก' }, notice: '/n.json', categories: [] };
createConsent(typed).get('whatever');
