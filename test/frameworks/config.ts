// The config the Vue, Angular and Svelte apps share, and what they leave on window for
// test/e2e/<framework>.test.mjs to read.
export const config = {
  controller: { name: 'สถาบันตัวอย่าง' },
  notice: { id: 'notice', version: '1', sections: [{ kind: 'other', title: 'ประกาศ', body: [] }] },
  categories: [{ id: 'necessary', required: true, title: 'คุกกี้ที่จำเป็น' }],
  purposes: [{ id: 'photo-publicity', title: 'ภาพถ่ายในสื่อประชาสัมพันธ์' }],
};

declare global {
  interface Window {
    /** The consent value the form's own submit handler read from its FormData. */
    submitted?: unknown;
    /** `detail.choices` of every yinyom-input the framework's event binding received. */
    inputs: unknown[];
  }
}
window.inputs = [];

/** What the apps' submit handlers do: read the consent value the way a server would get it. */
export function readSubmitted(form: HTMLFormElement): void {
  window.submitted = JSON.parse(String(new FormData(form).get('consent')));
}
