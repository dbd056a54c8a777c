import { emulateMedia, executeServerCommand, setViewport as setPageViewport } from '@web/test-runner-commands';
import { createConsent } from '../../src/index.js';
import type { Config, ConsentApi, Notice } from '../../src/core/types.js';
import { useLanguage } from '../../src/i18n/localization.js';
import { deleteDatabase } from '../support/delete-database.js';

/** A notice with every block kind: nested ordered list, unordered list, table, spans with links. */
export const notice: Notice = {
  id: 'tdga-privacy',
  version: '2565-06-01',
  effective: '2022-06-01',
  title: { th: 'ประกาศเกี่ยวกับความเป็นส่วนตัว', en: 'Privacy notice' },
  controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' }, email: 'contact@dga.or.th', phone: '0-2612-6060' },
  dpo: { email: 'dpo@dga.or.th' },
  intro: [{ type: 'paragraph', text: { th: 'สถาบันให้ความสำคัญกับข้อมูลส่วนบุคคลของท่าน', en: 'The Academy values your personal data.' } }],
  sections: [
    {
      kind: 'legal-basis',
      title: { th: 'ฐานในการประมวลผล', en: 'Legal bases' },
      body: [
        {
          type: 'list',
          ordered: true,
          items: [
            { text: { th: 'ฐานตามกฎหมาย', en: 'Lawful bases' }, items: [{ th: 'ภารกิจสาธารณะ', en: 'Public task' }, { th: 'ความยินยอม', en: 'Consent' }] },
            { th: 'สัญญา', en: 'Contract' },
          ],
        },
      ],
    },
    {
      kind: 'retention',
      title: { th: 'ระยะเวลาเก็บรักษา', en: 'Retention' },
      body: [
        {
          type: 'table',
          caption: { th: 'ระยะเวลาเก็บรักษาข้อมูล', en: 'How long data is kept' },
          head: [{ th: 'ผู้ใช้บริการ', en: 'User' }, { th: 'ระยะเวลา', en: 'Period' }],
          rows: [
            [{ th: 'ผู้เข้าอบรม', en: 'Trainees' }, { th: '10 ปี', en: '10 years' }],
            [{ th: 'วิทยากร', en: 'Speakers' }, { th: '5 ปี', en: '5 years' }],
          ],
        },
        { type: 'list', items: ['ข้อหนึ่ง', 'ข้อสอง'] },
      ],
    },
    {
      kind: 'contact',
      title: { th: 'การติดต่อ', en: 'Contact' },
      body: [
        {
          type: 'paragraph',
          text: [
            { text: { th: 'อีเมล ', en: 'E-mail ' }, strong: true },
            { text: 'contact@dga.or.th', href: 'mailto:contact@dga.or.th' },
            { text: ' เว็บไซต์ ' },
            { text: 'tdga.dga.or.th', href: 'https://tdga.dga.or.th/' },
            { text: ' โทร ' },
            { text: '0-2612-6060', href: 'tel:026126060' },
            { text: ' อันตราย ', href: 'javascript:alert(1)' },
            { text: 'ข้อมูล', href: ' JaVaScRiPt:alert(2)' },
            { text: '<img src=x onerror=alert(3)>', href: 'data:text/html,<script>alert(4)</script>' },
          ],
        },
      ],
    },
  ],
};

/** A config like TDGA's: required and optional categories with cookies, a banner purpose, inline and sensitive purposes. */
export function uiConfig(overrides: Partial<Config> = {}): Config {
  return {
    controller: { name: { th: 'สถาบันพัฒนาบุคลากรภาครัฐด้านดิจิทัล', en: 'TDGA' }, email: 'contact@dga.or.th' },
    notice,
    categories: [
      { id: 'necessary', required: true, title: { th: 'คุกกี้ที่จำเป็น', en: 'Strictly necessary' }, description: { th: 'ทำให้เว็บไซต์ทำงานได้', en: 'Make the website work.' } },
      {
        id: 'analytics',
        title: { th: 'คุกกี้เพื่อการวิเคราะห์', en: 'Analytics cookies' },
        description: { th: 'นับจำนวนผู้เข้าชมเพื่อปรับปรุงเว็บไซต์', en: 'Count visits to improve the website.' },
        cookies: [
          { name: '_ga', match: '^_ga', provider: 'Google', duration: { th: '2 ปี', en: '2 years' } },
          { name: '_gid', provider: 'Google', duration: { th: '1 วัน', en: '1 day' } },
        ],
      },
      { id: 'marketing', title: { th: 'คุกกี้เพื่อการตลาด', en: 'Marketing cookies' } },
    ],
    purposes: [
      {
        id: 'photo-publicity',
        title: { th: 'ภาพถ่ายในสื่อประชาสัมพันธ์', en: 'Photos in publicity' },
        description: { th: 'ภาพของท่านระหว่างการอบรมอาจปรากฏในสื่อของสถาบัน', en: 'Photos of you at the training may appear in our media.' },
        data: [{ th: 'ภาพถ่าย', en: 'Photographs' }, { th: 'วิดีโอ', en: 'Video' }],
        retention: { th: '5 ปี', en: '5 years' },
        recipients: [{ th: 'ผู้ชมเว็บไซต์และสื่อสังคมออนไลน์ของสถาบัน', en: 'Visitors of our website and social media' }],
      },
      { id: 'newsletter', banner: true, title: { th: 'จดหมายข่าว', en: 'Newsletter' }, description: { th: 'ข่าวหลักสูตรใหม่', en: 'News of new courses.' } },
      { id: 'dietary', sensitive: true, title: { th: 'ข้อมูลการแพ้อาหาร', en: 'Food allergies' }, description: { th: 'เพื่อจัดอาหารระหว่างการอบรม', en: 'To arrange meals at the training.' } },
    ],
    ...overrides,
  };
}

function clearCookies() {
  for (const pair of document.cookie.split('; ')) {
    const name = pair.slice(0, pair.indexOf('='));
    if (name) document.cookie = `${name}=;max-age=0;path=/`;
  }
}

async function deleteDatabases() {
  await Promise.all((await indexedDB.databases()).map(({ name }) => deleteDatabase(name!, { queuedIsEnough: true })));
}

/** The instances `freshConsent` made, stopped by `resetPage` (their receipt books and timers too). */
const instances: AbortController[] = [];

/** A real core (`createConsent`) on a clean device: no cookies, no IndexedDB. Headless unless `ui`. */
export async function freshConsent(overrides: Partial<Config> = {}, ui = false): Promise<ConsentApi> {
  clearCookies();
  await deleteDatabases();
  const controller = new AbortController();
  instances.push(controller);
  const api = createConsent(uiConfig(overrides), { ui, signal: controller.signal });
  await api.notice();
  return api;
}

/**
 * `freshConsent` while the browser sends Global Privacy Control (`navigator.globalPrivacyControl`),
 * with analytics marked `gpc: true` and marketing not. The core reads the signal when it is created.
 */
export async function gpcConsent(ui = false): Promise<ConsentApi> {
  Object.defineProperty(navigator, 'globalPrivacyControl', { configurable: true, get: () => true });
  try {
    return await freshConsent({ categories: uiConfig().categories.map((category) => (category.id === 'analytics' ? { ...category, gpc: true } : category)) }, ui);
  } finally {
    delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
  }
}

/** Sets the page's `color-scheme` (on the root element), which the elements follow; `resetPage` clears it. */
export function pageScheme(scheme: string): void {
  document.documentElement.style.colorScheme = scheme;
}

/** Which scheme `element` is drawn in, by its text colour (the light or the dark default). */
export function drawnIn(element: Element): 'light' | 'dark' | string {
  const color = getComputedStyle(element).color;
  return color === 'rgb(27, 36, 51)' ? 'light' : color === 'rgb(233, 238, 246)' ? 'dark' : color;
}

/** Removes what a test left in the page, stops the cores it made and returns the UI to Thai. */
export function resetPage(): void {
  instances.splice(0).forEach((controller) => controller.abort());
  document.documentElement.style.colorScheme = '';
  document.documentElement.style.removeProperty('--yinyom-accent');
  document.querySelectorAll('yinyom-banner, yinyom-preferences, yinyom-notice, yinyom-manage, yinyom-consent, yinyom-receipts, form, [data-test]').forEach((element) => element.remove());
  document.documentElement.style.scrollPaddingBottom = '';
  useLanguage('th');
}

export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Waits until `check` is truthy (polling each task), or fails after `timeout` ms. */
export async function until<T>(check: () => T, timeout = 3000): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${check}`);
    await nextTask();
  }
}

/** The shadow root of `element`. */
export const shadow = (element: Element): ShadowRoot => element.shadowRoot!;

/** The deepest focused element, through shadow roots. */
export function deepFocus(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The browser is WebKit (Safari's engine; here WebKitGTK's MiniBrowser over WebDriver). */
export const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);

/**
 * Sets the viewport's size and resolves to the size it got: through the runner in Chromium
 * and Firefox; in WebKit, whose WebDriver session the runner cannot resize, by sizing the
 * window (test/support/webkit-launcher.mjs), which is never narrower than MiniBrowser's
 * toolbar: a narrow-screen test runs at that width there.
 */
export async function setViewport(size: { width: number; height: number }): Promise<{ width: number; height: number }> {
  if (isWebKit) return executeServerCommand<{ width: number; height: number }, typeof size>('webkit-viewport', size) as Promise<{ width: number; height: number }>;
  await setPageViewport(size);
  return size;
}

/**
 * Emulates media features where the browser can (Chromium, through CDP); resolves `false`
 * where it cannot (Firefox under WebDriver BiDi, WebKit under WebDriver), so a test can skip itself.
 */
export async function emulate(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  if (navigator.userAgent.includes('Firefox') || isWebKit) return false;
  try {
    await emulateMedia(media);
    return true;
  } catch {
    return false;
  }
}
