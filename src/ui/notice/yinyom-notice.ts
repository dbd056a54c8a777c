import { checkNotice } from '../../core/notice.js';
import { addTranslations, msg, str } from '../../i18n/localization.js';
import { html, nothing, type PropertyValues } from 'lit';
import type { Block, ConsentApi, Controller, ListItem, Notice, NoticeText } from '../../core/types.js';
import { templates } from '../../i18n/locales/en-notice.js';
import { base } from '../internal/base.styles.js';
import { dialog } from '../internal/dialog.styles.js';
import { table } from '../internal/table.styles.js';
import { formatDate, thaiDigits } from '../internal/format.js';
import { ModalController } from '../internal/modal-controller.js';
import { closeLabel } from '../internal/strings.js';
import { safeHref } from '../internal/text.js';
import { tx } from '../internal/thai-fallback.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { sectionIds } from './section-ids.js';
import { styles } from './yinyom-notice.styles.js';

addTranslations(templates);

/**
 * `version` as an ISO date when it is one (`2565-06-01` in the Buddhist era, as Thai agencies
 * date their notices, or `2022-06-01`), else `undefined`.
 */
function asDate(version: string): string | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(version);
  if (!match || +match[2] < 1 || +match[2] > 12 || +match[3] < 1 || +match[3] > 31) return undefined;
  const year = +match[1] > 2400 ? +match[1] - 543 : +match[1];
  return `${year}-${match[2]}-${match[3]}`;
}

const isItem = (item: NoticeText | ListItem): item is ListItem => typeof item === 'object' && !Array.isArray(item) && 'text' in item;

/**
 * The full privacy notice of DESIGN.md section 4: title, version, effective date (Buddhist era
 * in Thai, "1 มิถุนายน 2565"), contacts, a table of contents and every section with its
 * paragraphs, nested lists and tables. The notice is data, never HTML: every text is rendered
 * as text, and links other than http(s), mailto and tel become plain text. Prints cleanly.
 *
 * The notice comes from the `notice` property, else the `src` URL (JSON), else the core's
 * `notice()`. With `modal`, the element is a dialog that `show()` opens (the banner's notice
 * link does this).
 *
 * Each `<section>` has the notice section's own `id`, else its `kind` (`kind-2`, `kind-3`… when
 * a kind repeats), and the table of contents links to it. A fragment cannot reach into a shadow root, so the inline
 * element does what the browser would: when it first shows the sections, and on each
 * `hashchange`, it scrolls to the section that `location.hash` names (`/privacy#rights`) and
 * focuses its heading, unless the page has an element of that id itself (or, on arrival, the
 * person has already put focus elsewhere). A contents link goes to its section the same way without
 * changing the page's URL, which a site's router may own; Ctrl/⌘-click still opens the
 * section's link in a new tab, which arrives at the section.
 *
 * @example
 * ```html
 * <yinyom-notice src="/privacy/notice.json" numerals="thai"></yinyom-notice>
 * ```
 * @csspart base - The `<article>` (inline) or `dialog` (modal).
 * @cssproperty --yinyom-accent - Links and the contents bar.
 * @fires yinyom-toggle - When the modal notice opens or closes.
 * @tag yinyom-notice
 */
export class YinyomNotice extends YinyomElement {
  static override properties = {
    notice: { attribute: false },
    src: {},
    numerals: {},
    modal: { type: Boolean, reflect: true },
    open: { type: Boolean, reflect: true },
    loaded: { state: true },
    failed: { state: true },
  };
  static override styles = [base, dialog, table, styles];

  /** The notice to show; takes precedence over `src`. */
  declare notice?: Notice;
  /** URL of the notice as JSON; used when `notice` is not set. */
  declare src?: string;
  /** `"thai"` writes numbers (dates, list and section numbers, digits in the text) in Thai digits when the language is Thai. */
  declare numerals?: 'thai' | 'arabic';
  /** Render as a modal dialog that `show()` opens. Default `false`. */
  declare modal: boolean;
  /** Whether the modal notice is open. */
  declare open: boolean;
  private declare loaded?: Notice;
  private declare failed: boolean;
  readonly #modal = new ModalController(this, 'notice');
  /** The section ids of the last render. */
  #ids: string[] = [];
  /** `location.hash` was looked at since the sections first showed. */
  #arrived = false;

  constructor() {
    super();
    this.modal = this.open = this.failed = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
  }

  /** Opens the modal notice (sets `modal`); resolves once it has focus. */
  show(): Promise<void> {
    if (!this.open) this.modal = true;
    return this.#modal.show();
  }

  /** Closes the modal notice; focus returns to the opener. */
  hide(): Promise<void> {
    return this.#modal.hide();
  }

  consentChanged(api: ConsentApi): void {
    if (!this.notice && !this.src && !this.loaded) api.notice().then((notice) => (this.loaded ??= notice), () => (this.failed = true));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src') && this.src && !this.notice) void this.#fetch(this.src);
  }

  async #fetch(src: string) {
    this.failed = false;
    try {
      const response = await fetch(new URL(src, document.baseURI));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const notice = (await response.json()) as Notice;
      if (typeof notice?.id !== 'string' || typeof notice.version !== 'string') throw new Error('id and version are required');
      if (src === this.src) this.loaded = notice;
    } catch (error) {
      console.error(`[yinyom] notice: could not load ${src}:`, error);
      if (src === this.src) this.failed = true;
    }
  }

  #checked = new WeakMap<Notice, boolean>();

  /** A malformed notice is reported once, naming each bad path, and shown as an error rather than breaking the page. */
  #wellFormed(notice: Notice): boolean {
    let ok = this.#checked.get(notice);
    if (ok === undefined) {
      const problems = checkNotice(notice);
      if (problems.length) console.error(`[yinyom] notice: ${problems.length} problem(s); it is not shown:\n  ${problems.join('\n  ')}`);
      this.#checked.set(notice, (ok = !problems.length));
    }
    return ok;
  }

  protected override updated(): void {
    if (!this.#arrived && this.#ids.length && !this.modal) {
      this.#arrived = true;
      // Arriving at /privacy#rights. A person who has meanwhile put focus somewhere (typing in a
      // search box while the notice loaded) is not moved.
      if (!document.activeElement || document.activeElement === document.body) this.#onHash();
    }
    // A table wider than the notice scrolls sideways: make it a named, focusable region so
    // keyboard users can scroll it (WCAG 2.1.1); a table that fits stays a plain table.
    for (const box of this.renderRoot.querySelectorAll<HTMLElement>('.table')) {
      if (box.scrollWidth > box.clientWidth) {
        box.tabIndex = 0;
        box.setAttribute('role', 'region');
        box.setAttribute('aria-label', box.querySelector('caption')?.textContent?.trim() || msg('ตาราง', { id: 'notice.table', desc: 'Name of a table that has no caption.' }));
      } else {
        for (const name of ['tabindex', 'role', 'aria-label']) box.removeAttribute(name);
      }
    }
  }

  override render() {
    if (this.modal && !this.open) return nothing;
    const given = this.notice ?? this.loaded;
    const notice = given && this.#wellFormed(given) ? given : undefined;
    const language = this.language;
    const thai = language === 'th' && this.numerals === 'thai';
    // The agency's text is never changed: only the numbers the element writes follow `numerals`.
    const t = (value: Parameters<typeof tx>[0]) => tx(value, language);
    const title = html`<h2 id="title" tabindex="-1">
      ${notice?.title ? t(notice.title) : msg('ประกาศเกี่ยวกับความเป็นส่วนตัว', { id: 'notice.title', desc: 'Heading when the notice has no title.' })}
    </h2>`;
    const close = html`<button type="button" class="close" aria-label=${closeLabel()} @click=${() => this.hide()}>×</button>`;
    const body = notice
      ? this.#body(notice, t, thai)
      : this.failed || given
        ? html`<p class="error" role="alert">${msg('โหลดประกาศไม่สำเร็จ', { id: 'notice.failed', desc: 'The notice could not be loaded.' })}</p>`
        : html`<p role="status">${msg('กำลังโหลดประกาศ…', { id: 'notice.loading' })}</p>`;
    const classes = thai ? 'thai' : '';
    return this.modal
      ? html`<dialog part="base" class=${classes} aria-labelledby="title" lang=${language} @close=${this.#modal.closed}>
          <header>${title}${close}</header>
          <div class="body">${body}</div>
        </dialog>`
      : html`<article part="base" class=${classes} aria-labelledby="title" lang=${language}>${title}${body}</article>`;
  }

  #body(notice: Notice, t: (value: Parameters<typeof tx>[0]) => unknown, thai: boolean) {
    const language = this.language;
    /** A number the element writes: a clause number, in Thai digits with `numerals="thai"`. */
    const number = (value: string) => (thai ? thaiDigits(value) : value);
    const sections = notice.sections ?? [];
    const ids = (this.#ids = sectionIds(sections));
    const text = (value: NoticeText): unknown =>
      Array.isArray(value)
        ? value.map((span) => {
            const href = safeHref(span.href);
            const content = href ? html`<a href=${href}>${t(span.text)}</a>` : t(span.text);
            return span.strong ? html`<strong>${content}</strong>` : content;
          })
        : t(value);
    // Clause numbers are text in the DOM, not CSS ::marker content: Safari ignores that content,
    // and copied text would lose them, leaving references such as "ข้อ ๒.๑๐" pointing nowhere.
    // An ordered item's number is its section's, then its path ("2.10", "7.4.2"); outside the
    // sections, its path and a full stop ("1.", "1.2.").
    const list = (ordered: boolean | undefined, items: Array<NoticeText | ListItem>, path: string, inSection: boolean, start = 1): unknown => {
      const lis = items.map((item, i) => {
        const { text: content, items: children } = isItem(item) ? item : { text: item, items: undefined };
        const here = ordered ? (path ? `${path}.${start + i}` : `${start + i}`) : path;
        const nested = children?.length ? list(ordered, children, here, inSection) : nothing;
        return ordered
          ? html`<li><span class="num">${number(inSection ? here : `${here}.`)}</span> <div>${text(content)}${nested}</div></li>`
          : html`<li>${text(content)}${nested}</li>`;
      });
      return ordered ? html`<ol role="list">${lis}</ol>` : html`<ul>${lis}</ul>`;
    };
    const blocks = (body: Block[] = [], section = '') =>
      body.map((block) =>
        block.source === 'site'
          ? html`<aside class="added">
              <p class="added-label">${msg('ข้อความเพิ่มเติมโดยเว็บไซต์ ไม่ใช่ส่วนหนึ่งของประกาศ', { id: 'notice.added', desc: 'Marks text the website added to the agency’s notice.' })}</p>
              ${content(block, section)}
            </aside>`
          : content(block, section),
      );
    const content = (block: Block, section: string) => {
      if (block.type === 'paragraph') return html`<p>${text(block.text)}</p>`;
      if (block.type === 'list') return list(block.ordered, block.items, section, !!section, block.start);
      return html`<div class="table">
        <table>
          ${block.caption ? html`<caption>${text(block.caption)}</caption>` : nothing}
          <thead><tr>${block.head.map((cell) => html`<th scope="col">${text(cell)}</th>`)}</tr></thead>
          <tbody>${block.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${text(cell)}</td>`)}</tr>`)}</tbody>
        </table>
      </div>`;
    };
    const contact = (label: string, who: Partial<Controller> | undefined) =>
      who &&
      html`<dt>${label}</dt>
        <dd>
          ${who.name ? html`${t(who.name)}<br />` : nothing} ${who.address ? html`${t(who.address)}<br />` : nothing}
          ${who.email ? html`<a href="mailto:${who.email}">${who.email}</a> ` : nothing}
          ${who.phone ? html`<a href=${`tel:${who.phone.replace(/[^\d+]/g, '')}`}>${t(who.phone)}</a>` : nothing}
        </dd>`;
    // A version that is a date is shown as one; "in force from" only where the notice says so.
    const versionDate = asDate(notice.version);
    const version = versionDate
      ? msg(str`ฉบับวันที่ ${formatDate(versionDate, language, { thai })}`, { id: 'notice.version-date', desc: 'The version of the notice, when it is a date.' })
      : msg(str`ฉบับ ${number(notice.version)}`, { id: 'notice.version', desc: 'The version of the notice.' });
    const dated = notice.effective
      ? msg(str`มีผลใช้บังคับตั้งแต่วันที่ ${formatDate(notice.effective, language, { thai })}`, { id: 'notice.effective', desc: 'Date from which the notice says it applies.' })
      : notice.published && msg(str`ประกาศ ณ วันที่ ${formatDate(notice.published, language, { thai })}`, { id: 'notice.published', desc: 'Date the notice was announced.' });
    return html`
      <p class="meta">${version}${dated ? html` · ${dated}` : nothing}</p>
      ${notice.url && !sections.length
        ? html`<p><a href=${safeHref(notice.url) ?? nothing}>${msg('อ่านประกาศฉบับเต็ม', { id: 'notice.read-full' })}</a></p>`
        : nothing}
      ${blocks(notice.intro)}
      ${sections.length > 1
        ? html`<nav aria-labelledby="toc">
            <h3 id="toc">${msg('สารบัญ', { id: 'notice.contents', desc: 'Heading of the table of contents.' })}</h3>
            <ol>
              ${sections.map(
                (section, i) =>
                  html`<li><span class="num">${number(`${i + 1}.`)}</span> <a href="#${ids[i]}" @click=${(event: MouseEvent) => this.#follow(event, ids[i])}>${t(section.title)}</a></li>`,
              )}
            </ol>
          </nav>`
        : nothing}
      ${sections.map(
        (section, i) => html`<section id=${ids[i]} aria-labelledby="${ids[i]}.title" data-kind=${section.kind}>
          <h3 id="${ids[i]}.title" tabindex="-1"><span class="num">${number(`${i + 1}.`)}</span> ${t(section.title)}</h3>
          ${blocks(section.body, `${i + 1}`)}
        </section>`,
      )}
      ${sections.some((section) => section.kind === 'contact') || !(notice.controller || notice.dpo)
        ? nothing
        : html`<dl>
            ${contact(msg('ผู้ควบคุมข้อมูลส่วนบุคคล', { id: 'notice.controller', desc: 'PDPA data controller.' }), notice.controller)}
            ${contact(msg('เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล', { id: 'notice.dpo', desc: 'PDPA data protection officer.' }), notice.dpo)}
          </dl>`}
    `;
  }

  /** A contents link: the browser cannot follow it into the shadow root, so go there here. */
  #follow(event: MouseEvent, id: string) {
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button) return;
    event.preventDefault();
    this.#jump(id);
  }

  /** Goes to the section `location.hash` names, if it names one and the page has no element of that id. */
  #onHash = () => {
    if (this.modal) return;
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      return;
    }
    if (this.#ids.includes(id) && !document.getElementById(id)) this.#jump(id);
  };

  /** Scrolls the section to the top and focuses its heading, as following a fragment link would. */
  #jump(id: string) {
    const heading = (this.renderRoot as ShadowRoot).getElementById(`${id}.title`);
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-notice': YinyomNotice;
  }
}
