import { msg, str } from '../../i18n/localization.js';
import { html, nothing } from 'lit';
import type { Category, ConsentApi } from '../../core/types.js';
import { YinyomToggleEvent } from '../events.js';
import { base } from '../internal/base.styles.js';
import { acceptAll, rejectAll } from '../internal/strings.js';
import { loc, safeHref } from '../internal/text.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { styles } from './yinyom-banner.styles.js';

/** Fetches the preferences dialog's chunk ahead of a click on Settings, once someone reaches for the banner. */
const prefetchPreferences = () => void import('../preferences/yinyom-preferences.js');

/**
 * The first-visit banner: a non-modal region fixed to the bottom of the viewport, with
 * Accept all and Reject all of equal size and weight, Settings (opens the preferences
 * dialog), a link to the privacy notice and a Thai/English switch. It never moves focus, never
 * shifts the page's layout, and while open it sets `scroll-padding-bottom` on the root so
 * that a focused element is scrolled clear of it (WCAG 2.4.11). It closes by itself when a
 * decision is made, here or in another tab.
 *
 * The script-tag core creates it when a decision is needed; with npm, `consent.show('banner')`.
 *
 * @csspart base - The region.
 * @csspart button - Each button; also `accept`, `reject`, `settings`.
 * @csspart language - The button that switches between Thai and English.
 * @csspart error - The message shown when a decision could not be stored.
 * @cssproperty --yinyom-accent - Buttons, links, top border (default navy `#123f8c`, light blue `#9cc3ff` on a dark page).
 * @cssproperty --yinyom-on-accent - Text on the accent (default black or white, whichever contrasts more with it).
 * @cssproperty --yinyom-z-index - Stacking order (default 2147483000).
 * @fires yinyom-toggle - When it opens or closes.
 * @fires yinyom-decision - After Accept all or Reject all was stored.
 * @fires yinyom-error - When it could not be stored.
 * @tag yinyom-banner
 */
export class YinyomBanner extends YinyomElement {
  static override properties = { open: { type: Boolean, reflect: true }, noticeUrl: { state: true } };
  static override styles = [base, styles];

  /** Whether the banner shows. Default `false`; `show()` opens it. */
  declare open: boolean;
  private declare noticeUrl?: string;
  /** The decision time when the banner opened: a new decision closes it. */
  #seen?: string | null;
  #observer?: ResizeObserver;
  #padding = '';

  constructor() {
    super();
    this.open = false;
  }

  /** Opens the banner; resolves once it is rendered. */
  async show(): Promise<void> {
    this.#seen = (await this.ctl.ready()).state().time ?? null;
    this.open = true;
    await this.updateComplete;
  }

  /** Closes the banner; resolves once it is hidden. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  consentChanged(api: ConsentApi): void {
    if (this.open && (api.state().time ?? null) !== this.#seen) void this.hide();
    if (this.noticeUrl === undefined) {
      this.noticeUrl = '';
      api.notice().then((notice) => (this.noticeUrl = safeHref(notice.url) ?? ''), () => undefined);
    }
  }

  override render() {
    const api = this.ctl.api;
    if (!this.open || !api) return nothing;
    const language = this.language;
    const text = msg(
      str`${loc(api.config.controller.name, language)} ใช้คุกกี้ที่จำเป็นเพื่อให้เว็บไซต์ทำงานได้ และจะใช้คุกกี้ประเภทอื่นเมื่อท่านยินยอมเท่านั้น ท่านเปลี่ยนการตั้งค่าหรือถอนความยินยอมได้ทุกเมื่อ`,
      { id: 'banner.text', desc: 'Banner text; the placeholder is the name of the site owner (data controller).' },
    );
    // What consent is asked for, and whose cookies (the PDPC's cookie guideline asks the first
    // layer to say), with the providers as the receipt's `shown` lists them (shown-wording.ts).
    const named = [...api.config.categories.filter((category) => !category.required), ...api.config.purposes.filter((purpose) => purpose.banner && !purpose.sensitive)].map((item) => {
      const providers = [...new Set(((item as Category).cookies ?? []).map((cookie) => loc(cookie.provider, language)).filter(Boolean))].join(', ');
      return loc(item.title, language) + (providers && ` (${providers})`);
    });
    // The banner closes on the change a decision makes (consentChanged), here or in another tab.
    const decide = (accept: boolean) =>
      this.record((api) => api[accept ? 'acceptAll' : 'rejectAll']({ method: accept ? 'banner.accept-all' : 'banner.reject-all', shown: { view: 'banner', sentence: text } }));
    const notice = msg('อ่านประกาศเกี่ยวกับความเป็นส่วนตัว', { id: 'banner.notice', desc: 'Link from the banner to the full privacy notice.' });
    return html`<div part="base" role="region" aria-labelledby="title" lang=${language} @pointerover=${prefetchPreferences} @focusin=${prefetchPreferences}>
      <div class="text">
        <div class="top">
          <h2 id="title">${msg('เว็บไซต์นี้ใช้คุกกี้', { id: 'banner.title', desc: 'Heading and name of the banner region.' })}</h2>
          ${this.renderLanguage(api)}
        </div>
        <p>
          ${text}
          ${this.noticeUrl
            ? html`<a href=${this.noticeUrl}>${notice}</a>`
            : html`<button type="button" class="link" @click=${() => this.showView('notice')}>${notice}</button>`}
        </p>
        ${named.length
          ? html`<p>${msg(str`ขอความยินยอมสำหรับ: ${named.join(' · ')}`, { id: 'banner.asked', desc: 'What the banner asks consent for: category titles with their providers.' })}</p>`
          : nothing}
        ${this.renderError()}
      </div>
      <div class="actions">
        <button type="button" class="btn" part="button accept" @click=${() => decide(true)}>
          ${acceptAll()}
        </button>
        <button type="button" class="btn" part="button reject" @click=${() => decide(false)}>
          ${rejectAll()}
        </button>
        <button type="button" class="btn quiet" part="button settings" @click=${() => this.showView('preferences')}>
          ${msg('ตั้งค่าคุกกี้', { id: 'banner.settings', desc: 'Opens the preferences dialog.' })}
        </button>
      </div>
    </div>`;
  }

  protected override updated(): void {
    const region = this.renderRoot.querySelector<HTMLElement>('[part~=base]');
    if (region && !this.#observer) {
      const root = document.documentElement.style;
      this.#padding = root.scrollPaddingBottom;
      // The border box: padding and border count too, and change without the content (a page's ::part(base) styles).
      this.#observer = new ResizeObserver(() => (root.scrollPaddingBottom = `${region.offsetHeight + 8}px`));
      this.#observer.observe(region, { box: 'border-box' });
      this.dispatchEvent(new YinyomToggleEvent({ view: 'banner', open: true }));
    } else if (!region && this.#observer) {
      this.#unpad();
      this.dispatchEvent(new YinyomToggleEvent({ view: 'banner', open: false }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unpad();
  }

  #unpad() {
    if (!this.#observer) return;
    this.#observer.disconnect();
    this.#observer = undefined;
    document.documentElement.style.scrollPaddingBottom = this.#padding;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-banner': YinyomBanner;
  }
}
