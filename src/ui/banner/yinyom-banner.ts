import { adoptStyles } from '@lit/reactive-element/css-tag.js';
import type { ReactiveController } from 'lit';
import { msg, str, uiLanguage } from '../../i18n/localization.js';
import type { Category, ConsentApi, Language } from '../../core/types.js';
import { YinyomToggleEvent } from '../events.js';
import { base } from '../internal/base.styles.js';
import { ConsentController } from '../internal/consent-controller.js';
import { acceptAll, rejectAll } from '../internal/strings.js';
import { loc, safeHref } from '../internal/text.js';
import { styles } from './yinyom-banner.styles.js';

/** Fetches the preferences dialog's chunk ahead of a click on Settings, once someone reaches for the banner. */
const prefetchPreferences = () => void import('../preferences/yinyom-preferences.js');

/** An element of the banner's shadow tree, with its attributes and children. */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string>, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** The banner's nodes that change with the language, the notice and the state: made once, updated in place. */
interface Parts {
  region: HTMLDivElement;
  text: HTMLDivElement;
  title: HTMLHeadingElement;
  language: HTMLButtonElement;
  /** The first paragraph, its sentence, and the notice as a link (an HTML page) or a button (the notice dialog). */
  intro: HTMLParagraphElement;
  sentence: Text;
  noticeLink: HTMLAnchorElement;
  noticeButton: HTMLButtonElement;
  asked: HTMLParagraphElement;
  error?: HTMLParagraphElement;
  accept: HTMLButtonElement;
  reject: HTMLButtonElement;
  settings: HTMLButtonElement;
}

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
 * Unlike the other elements it is not a Lit element: it is what every first visit waits for,
 * and without Lit its bundle is half the size and it renders in a fraction of the time
 * (issue 8's bench). It builds its few nodes once and updates their text in place, so focus
 * stays where it was when the language changes.
 *
 * @attr {boolean} open - Whether the banner shows. Default absent; `show()` sets it.
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
export class YinyomBanner extends HTMLElement {
  static readonly observedAttributes = ['open'];

  #controllers = new Set<ReactiveController>();
  #consent?: ConsentApi;
  protected readonly ctl = new ConsentController(this);
  #update?: Promise<boolean>;
  #parts?: Parts;
  #noticeUrl?: string;
  /** The decision time when the banner opened (`undefined`: not known yet): a new decision closes it. */
  #seen?: string | null;
  #observer?: ResizeObserver;
  #padding = '';

  constructor() {
    super();
    adoptStyles(this.attachShadow({ mode: 'open' }), [base, styles]);
  }

  /** Whether the banner shows (the `open` attribute). `show()` opens it. */
  get open(): boolean {
    return this.hasAttribute('open');
  }
  set open(value: boolean) {
    // Opened by the property (a framework) rather than show(): the decision in force now is the
    // one it was opened under, or, before the API is known, the one the first change reports.
    if (value && !this.open) this.#seen = this.ctl.api && (this.ctl.api.state().time ?? null);
    this.toggleAttribute('open', !!value);
  }

  /**
   * The consent API the banner renders and records to. Default: the page's instance (the
   * script tag's, or the last `createConsent()`).
   */
  get consent(): ConsentApi | undefined {
    return this.#consent;
  }
  set consent(api: ConsentApi | undefined) {
    this.#consent = api;
    if (this.isConnected) void this.ctl.attach();
  }

  /** Resolves once the banner shows what its state says (true, as Lit's elements do). */
  get updateComplete(): Promise<boolean> {
    return this.#update ?? Promise.resolve(true);
  }

  /** Opens the banner; resolves once it is rendered. */
  async show(): Promise<void> {
    const api = await this.ctl.ready();
    this.open = true;
    this.#seen = api.state().time ?? null;
    await this.updateComplete;
  }

  /** Closes the banner; resolves once it is hidden. */
  async hide(): Promise<void> {
    this.open = false;
    await this.updateComplete;
  }

  /** The controller host interface (`ConsentController`). */
  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.isConnected) controller.hostConnected?.();
  }
  removeController(controller: ReactiveController): void {
    this.#controllers.delete(controller);
  }
  /** Renders again in a microtask, once for any number of calls. */
  requestUpdate(): void {
    this.#update ??= Promise.resolve().then(() => {
      this.#update = undefined;
      this.#render();
      return true;
    });
  }

  connectedCallback(): void {
    this.#controllers.forEach((controller) => controller.hostConnected?.());
    this.requestUpdate();
  }

  disconnectedCallback(): void {
    this.#controllers.forEach((controller) => controller.hostDisconnected?.());
    this.#unpad();
  }

  attributeChangedCallback(): void {
    this.requestUpdate();
  }

  consentChanged(api: ConsentApi): void {
    const time = api.state().time ?? null;
    if (this.#seen === undefined) this.#seen = time;
    if (this.open && time !== this.#seen) void this.hide();
    if (this.#noticeUrl === undefined) {
      this.#noticeUrl = '';
      api.notice().then(
        (notice) => {
          this.#noticeUrl = safeHref(notice.url) ?? '';
          this.requestUpdate();
        },
        () => undefined,
      );
    }
  }

  /** The banner's sentence in `language`: recorded with the decision as what the person was shown. */
  #sentence(api: ConsentApi, language: Language): string {
    return msg(
      str`${loc(api.config.controller.name, language)} ใช้คุกกี้ที่จำเป็นเพื่อให้เว็บไซต์ทำงานได้ และจะใช้คุกกี้ประเภทอื่นเมื่อท่านยินยอมเท่านั้น ท่านเปลี่ยนการตั้งค่าหรือถอนความยินยอมได้ทุกเมื่อ`,
      { id: 'banner.text', desc: 'Banner text; the placeholder is the name of the site owner (data controller).' },
    );
  }

  /**
   * Records Accept all or Reject all, with the banner's sentence as what the person was shown.
   * The banner closes on the change the decision makes (consentChanged), here or in another tab.
   */
  #decide(accept: boolean): void {
    void this.ctl.record((api) =>
      api[accept ? 'acceptAll' : 'rejectAll']({ method: accept ? 'banner.accept-all' : 'banner.reject-all', shown: { view: 'banner', sentence: this.#sentence(api, uiLanguage()) } }),
    );
  }

  /** The nodes, made once; their text is set by `#render`. */
  #build(): Parts {
    const button = (attributes: Record<string, string>, onClick: () => void) => {
      const element = h('button', { type: 'button', ...attributes });
      element.addEventListener('click', onClick);
      return element;
    };
    const title = h('h2', { id: 'title' });
    const language = button({ class: 'language', part: 'language' }, () => this.ctl.api?.setLanguage(uiLanguage() === 'th' ? 'en' : 'th'));
    const sentence = document.createTextNode('');
    const noticeLink = h('a', {});
    const noticeButton = button({ class: 'link' }, () => this.ctl.showView('notice'));
    const intro = h('p', {}, sentence, ' ', noticeButton);
    const text = h('div', { class: 'text' }, h('div', { class: 'top' }, title, language), intro);
    const accept = button({ class: 'btn', part: 'button accept' }, () => this.#decide(true));
    const reject = button({ class: 'btn', part: 'button reject' }, () => this.#decide(false));
    const settings = button({ class: 'btn quiet', part: 'button settings' }, () => this.ctl.showView('preferences'));
    const region = h('div', { part: 'base', role: 'region', 'aria-labelledby': 'title' }, text, h('div', { class: 'actions' }, accept, reject, settings));
    region.addEventListener('pointerover', prefetchPreferences);
    region.addEventListener('focusin', prefetchPreferences);
    return { region, text, title, language, intro, sentence, noticeLink, noticeButton, asked: h('p', {}), accept, reject, settings };
  }

  #render(): void {
    const api = this.ctl.api;
    const root = this.shadowRoot!;
    if (!this.open || !api || !this.isConnected) {
      root.replaceChildren();
    } else {
      const parts = (this.#parts ??= this.#build());
      const language = uiLanguage();
      const other = language === 'th' ? 'en' : 'th';
      parts.region.lang = language;
      parts.title.textContent = msg('เว็บไซต์นี้ใช้คุกกี้', { id: 'banner.title', desc: 'Heading and name of the banner region.' });
      parts.language.lang = other;
      parts.language.textContent = other === 'en' ? 'English' : 'ภาษาไทย';
      parts.sentence.data = this.#sentence(api, language);
      const notice = this.#noticeUrl ? parts.noticeLink : parts.noticeButton;
      if (this.#noticeUrl) parts.noticeLink.href = this.#noticeUrl;
      notice.textContent = msg('อ่านประกาศเกี่ยวกับความเป็นส่วนตัว', { id: 'banner.notice', desc: 'Link from the banner to the full privacy notice.' });
      // Moved only when it changes: a node put back would lose the focus it holds.
      if (parts.intro.lastChild !== notice) parts.intro.lastChild!.replaceWith(notice);
      // What consent is asked for, and whose cookies (the PDPC's cookie guideline asks the first
      // layer to say), with the providers as the receipt's `shown` lists them (shown-wording.ts).
      const named = [...api.config.categories.filter((category) => !category.required), ...api.config.purposes.filter((purpose) => purpose.banner && !purpose.sensitive)].map((item) => {
        const providers = [...new Set(((item as Category).cookies ?? []).map((cookie) => loc(cookie.provider, language)).filter(Boolean))].join(', ');
        return loc(item.title, language) + (providers && ` (${providers})`);
      });
      parts.asked.textContent = msg(str`ขอความยินยอมสำหรับ: ${named.join(' · ')}`, { id: 'banner.asked', desc: 'What the banner asks consent for: category titles with their providers.' });
      if (!named.length) parts.asked.remove();
      else if (!parts.asked.isConnected) parts.intro.after(parts.asked);
      if (!this.ctl.error) parts.error?.remove();
      else (parts.error ??= h('p', { class: 'error', role: 'alert', part: 'error' })).textContent = msg('บันทึกไม่สำเร็จ โปรดลองอีกครั้ง', { id: 'ui.save-failed', desc: 'A decision could not be stored.' });
      if (this.ctl.error && !parts.error!.isConnected) parts.text.append(parts.error!);
      parts.accept.textContent = acceptAll();
      parts.reject.textContent = rejectAll();
      parts.settings.textContent = msg('ตั้งค่าคุกกี้', { id: 'banner.settings', desc: 'Opens the preferences dialog.' });
      if (!parts.region.isConnected) root.append(parts.region);
    }
    this.#updated();
  }

  #updated(): void {
    const region = this.#parts?.region.isConnected ? this.#parts.region : undefined;
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
