import { addTranslations, msg, str } from '../../i18n/localization.js';
import { html, nothing } from 'lit';
import type { Category, ConsentApi, Method, Purpose, ReceiptEntry } from '../../core/types.js';
import { receiptsToJson } from '../../core/receipts/receipts-to-json.js';
import { toIso27560 } from '../../core/receipts/to-iso27560.js';
import { toKantaraReceipt } from '../../core/receipts/to-kantara-receipt.js';
import { templates } from '../../i18n/locales/en-receipts.js';
import { base } from '../internal/base.styles.js';
import { visuallyHidden } from '../internal/visually-hidden.styles.js';
import { formatDate } from '../internal/format.js';
import { loc } from '../internal/text.js';
import { YinyomErrorEvent } from '../events.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { styles } from './yinyom-receipts.styles.js';

addTranslations(templates);

/**
 * "My consents": the current choice for every category and purpose, each granted one with a
 * Withdraw button (withdrawing is as easy as giving), and the receipts stored on this device,
 * newest first, with their delivery state (sent, waiting, failed), a download of them as JSON
 * and, when some are waiting, a button to send them now.
 *
 * It is headed "ความยินยอมของฉัน" (My consents). The `heading` slot relabels it; on a page
 * whose own heading already says it, `no-heading` leaves the heading out (the section keeps
 * its name for screen readers) and the element's sub-headings become `<h2>`, following the
 * page's `<h1>`.
 *
 * @example
 * ```html
 * <h1>ความยินยอมของฉัน</h1>
 * <yinyom-receipts no-heading></yinyom-receipts>
 *
 * <yinyom-receipts><span slot="heading">ประวัติการให้ความยินยอม</span></yinyom-receipts>
 * ```
 * @slot heading - The heading's text, instead of "ความยินยอมของฉัน" / "My consents".
 * @csspart base - The section.
 * @csspart heading - The heading.
 * @csspart error - The message shown when a withdrawal could not be stored.
 * @fires yinyom-decision - After a withdrawal was stored.
 * @fires yinyom-error - When it could not be stored.
 * @tag yinyom-receipts
 */
export class YinyomReceipts extends YinyomElement {
  static override properties = {
    noHeading: { type: Boolean, attribute: 'no-heading', reflect: true },
    entries: { state: true },
    status: { state: true },
    confirmed: { state: true },
  };
  static override styles = [base, visuallyHidden, styles];

  /** Leave out the element's heading, for a page that has the same one. Default `false`. */
  declare noHeading: boolean;
  private declare entries?: ReceiptEntry[] | null;
  /** The last outcome, announced politely. */
  private declare status: string;
  /** Ids of receipts whose collector countersignature verifies against its published keys. */
  private declare confirmed: ReadonlySet<string>;
  /** The collector's `GET /v1/keys`, fetched once, when a signed receipt is first shown. */
  #keys?: Promise<unknown>;

  constructor() {
    super();
    this.noHeading = false;
    this.status = '';
    this.confirmed = new Set();
  }

  consentChanged(): void {
    void this.#load();
  }

  syncChanged(): void {
    void this.#load();
  }

  async #load() {
    try {
      const api = await this.ctl.ready();
      this.entries = await api.receiptEntries();
      void this.#confirm(api, this.entries);
    } catch (error) {
      console.error('[yinyom]', error);
      this.entries = null;
    }
  }

  /**
   * Marks the receipts the agency confirmed receiving: their countersignature verifies with
   * a key the collector publishes beside its endpoint (`/v1/keys`). A signature that does not
   * verify, or keys that cannot be fetched, confirm nothing.
   */
  async #confirm(api: ConsentApi, entries: ReceiptEntry[]) {
    const signed = entries.filter((entry) => entry.signature);
    if (!signed.length || !api.config.endpoint) return;
    try {
      this.#keys ??= fetch(new URL('keys', new URL(api.config.endpoint, location.href)), { credentials: 'omit' }).then((response) => {
        if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
        return response.json();
      });
      // The decision chunk, which listing receipts has loaded already: imported, not bundled here,
      // so that its canonical JSON does not become a chunk of its own in front of every decision.
      const { verifyReceipt } = await import('../../core/deferred.js');
      const keys = (await this.#keys) as Parameters<typeof verifyReceipt>[2];
      const verified = await Promise.all(signed.map((entry) => verifyReceipt(entry.receipt, entry.signature!, keys).catch(() => false)));
      this.confirmed = new Set(signed.filter((_, i) => verified[i]).map((entry) => entry.receipt.id));
    } catch (error) {
      this.#keys = undefined;
      console.warn('[yinyom] receipts: the collector\'s keys could not be read; countersignatures are not shown', error);
    }
  }

  override render() {
    const api = this.ctl.api;
    if (!api) return nothing;
    const language = this.language;
    const state = api.state().choices;
    const items = [...api.config.categories.filter((category) => !category.required), ...api.config.purposes] as Array<Category | Purpose>;
    const title = (id: string) => loc(items.find((item) => item.id === id)?.title, language) || id;
    const entries = this.entries;
    const waiting = entries?.some((entry) => entry.status !== 'sent');
    const granted = msg('ยินยอม', { id: 'receipts.granted', desc: 'State of a category or purpose.' });
    const denied = msg('ไม่ยินยอม', { id: 'receipts.denied', desc: 'State of a category or purpose.' });
    const methods: Record<Method, string> = {
      'banner.accept-all': msg('ยอมรับทั้งหมด', { id: 'receipts.method-accept-all' }),
      'banner.reject-all': msg('ปฏิเสธทั้งหมด', { id: 'receipts.method-reject-all' }),
      'preferences.save': msg('บันทึกการตั้งค่า', { id: 'receipts.method-save' }),
      form: msg('แบบฟอร์ม', { id: 'receipts.method-form', desc: 'The decision was made in a form.' }),
      api: msg('บันทึกโดยเว็บไซต์', { id: 'receipts.method-api', desc: 'The website recorded the decision through the API.' }),
      withdraw: msg('ถอนความยินยอม', { id: 'receipts.method-withdraw' }),
    };
    const actors: Record<string, string> = {
      parent: msg('ผู้ใช้อำนาจปกครอง', { id: 'receipts.actor-parent' }),
      custodian: msg('ผู้อนุบาล', { id: 'receipts.actor-custodian' }),
      curator: msg('ผู้พิทักษ์', { id: 'receipts.actor-curator' }),
    };
    const statuses = {
      sent: msg('ส่งถึงหน่วยงานแล้ว', { id: 'receipts.sent', desc: 'The receipt reached the organisation’s server.' }),
      pending: msg('รอส่ง', { id: 'receipts.pending', desc: 'The receipt waits on this device to be sent.' }),
      failed: msg('ส่งไม่สำเร็จ', { id: 'receipts.failed', desc: 'The server refused the receipt.' }),
    };
    const heading = msg('ความยินยอมของฉัน', { id: 'receipts.title', desc: 'Heading of the my-consents element.' });
    // Sub-headings one level below the element's heading, or the page's when it has none.
    const sub = (content: unknown, id?: string) =>
      this.noHeading
        ? html`<h2 class="sub" id=${id ?? nothing} tabindex=${id ? -1 : nothing}>${content}</h2>`
        : html`<h3 class="sub" id=${id ?? nothing} tabindex=${id ? -1 : nothing}>${content}</h3>`;
    return html`<section part="base" aria-labelledby=${this.noHeading ? nothing : 'title'} aria-label=${this.noHeading ? heading : nothing} lang=${language}>
      ${this.noHeading ? nothing : html`<h2 id="title" part="heading"><slot name="heading">${heading}</slot></h2>`}
      ${sub(msg('ความยินยอมปัจจุบัน', { id: 'receipts.current' }), 'current')}
      <ul class="current">
        ${items
          .filter((item) => state[item.id] !== undefined)
          .map(
            (item) => html`<li>
              <span class="title">${loc(item.title, language)}</span>
              <span class=${state[item.id] ? 'granted' : ''}>${state[item.id] ? granted : denied}</span>
              ${state[item.id]
                ? html`<button type="button" class="btn quiet" @click=${() => this.#withdraw(item.id, loc(item.title, language))}>
                    ${msg('ถอนความยินยอม', { id: 'receipts.withdraw', desc: 'Withdraw consent for one purpose or category.' })}<span class="vh">: ${loc(item.title, language)}</span>
                  </button>`
                : nothing}
            </li>`,
          )}
      </ul>
      ${this.renderError()}
      <p role="status">${this.status}</p>
      ${sub(msg('ประวัติการให้ความยินยอมบนอุปกรณ์นี้', { id: 'receipts.history' }))}
      <div class="tools">
        <button type="button" class="btn quiet" ?hidden=${!entries?.length} @click=${() => this.#download()}>
          ${msg('ดาวน์โหลด (JSON)', { id: 'receipts.download', desc: 'Download the receipts as a JSON file.' })}
        </button>
        <button type="button" class="btn quiet" ?hidden=${!entries?.length} @click=${() => this.#download('kantara')}>
          ${msg('ดาวน์โหลด (Kantara CR 1.1)', { id: 'receipts.download-kantara', desc: 'Download the receipts as Kantara Consent Receipt 1.1 documents.' })}
        </button>
        <button type="button" class="btn quiet" ?hidden=${!entries?.length} @click=${() => this.#download('iso27560')}>
          ${msg('ดาวน์โหลด (ISO/IEC TS 27560)', { id: 'receipts.download-iso27560', desc: 'Download the receipts as ISO/IEC TS 27560 consent records (JSON-LD).' })}
        </button>
        <button type="button" class="btn quiet" ?hidden=${!waiting} @click=${() => this.#sync()}>
          ${msg('ส่งตอนนี้', { id: 'receipts.sync', desc: 'Send waiting receipts to the server now.' })}
        </button>
      </div>
      ${entries === undefined
        ? html`<p>${msg('กำลังโหลด…', { id: 'receipts.loading' })}</p>`
        : entries === null
          ? html`<p class="error">${msg('อ่านบันทึกความยินยอมไม่สำเร็จ', { id: 'receipts.unreadable' })}</p>`
          : entries.length
            ? html`<ul class="history">
                ${entries.map(
                  ({ receipt, status, error }) => html`<li>
                    <p>
                      <strong>${formatDate(receipt.time, language, { time: true })}</strong> · ${methods[receipt.method] ?? receipt.method}
                      ${receipt.actor && receipt.actor !== 'self'
                        ? html` · ${actors[receipt.actor]}`
                        : receipt.guardian
                          ? html` · ${msg('ผู้เยาว์และผู้ใช้อำนาจปกครองร่วมกัน', { id: 'receipts.actor-joint', desc: 'PDPA s.20: a minor of 10 to 19 and the parent consented together.' })}`
                          : nothing}
                    </p>
                    <ul class="choices">
                      ${Object.entries(receipt.choices).map(([id, value]) => html`<li>${title(id)}: ${value ? granted : denied}</li>`)}
                    </ul>
                    <p class="status ${status}">
                      ${statuses[status]}${error ? `: ${error}` : ''}${this.confirmed.has(receipt.id)
                        ? html` · <span class="confirmed">${msg('หน่วยงานยืนยันว่าได้รับบันทึกนี้แล้ว', { id: 'receipts.confirmed', desc: 'The collector countersigned the receipt: the agency confirmed receiving it.' })}</span>`
                        : nothing}
                    </p>
                    <p>${msg('เลขที่', { id: 'receipts.id', desc: 'Label of the receipt id.' })} <code>${receipt.id}</code></p>
                  </li>`,
                )}
              </ul>`
            : html`<p>${msg('ยังไม่มีบันทึกความยินยอมบนอุปกรณ์นี้', { id: 'receipts.empty' })}</p>`}
    </section>`;
  }

  async #withdraw(id: string, title: string) {
    this.status = '';
    if (await this.ctl.record((api) => api.withdraw(id))) {
      this.status = msg(str`ถอนความยินยอม “${title}” แล้ว`, { id: 'receipts.withdrawn', desc: 'Announced after a withdrawal; placeholder is its title.' });
      // The button just pressed is gone: keep focus in place, on the list's heading.
      this.renderRoot.querySelector<HTMLElement>('#current')?.focus();
    }
  }

  async #sync() {
    this.status = '';
    try {
      const { sent, pending, failed } = await (await this.ctl.ready()).sync();
      this.status = msg(str`ส่งแล้ว ${sent} รายการ · รอส่ง ${pending} รายการ · ส่งไม่สำเร็จ ${failed} รายการ`, { id: 'receipts.synced', desc: 'Counts of receipts after sending now, each with its unit.' });
    } catch (error) {
      // The receipts stay in the outbox and are retried; the person learns only that this try failed.
      console.error('[yinyom]', error);
      this.status = msg('ส่งไม่สำเร็จ บันทึกยังเก็บไว้บนอุปกรณ์นี้และจะส่งอีกครั้งภายหลัง', { id: 'receipts.sync-failed', desc: 'Sending now failed; the receipts are kept and retried later.' });
      this.dispatchEvent(new YinyomErrorEvent({ error }));
    }
    await this.#load();
  }

  /**
   * Saves the receipts as a file: verbatim with their delivery state and countersignatures,
   * as Kantara Consent Receipts 1.1, or as ISO/IEC TS 27560 records (JSON-LD on DPV).
   */
  #download(format?: 'kantara' | 'iso27560') {
    const entries = this.entries!;
    const config = this.ctl.api!.config;
    const body =
      format === 'kantara'
        ? JSON.stringify(entries.map((entry) => toKantaraReceipt(entry.receipt, config)), null, 2)
        : format === 'iso27560'
          ? JSON.stringify(toIso27560(entries.map((entry) => entry.receipt).reverse(), { config }), null, 2)
          : receiptsToJson(entries);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([body], { type: format === 'iso27560' ? 'application/ld+json' : 'application/json' }));
    link.download = `consent-receipts${format ? `-${format}` : ''}-${new Date().toISOString().slice(0, 10)}.${format === 'iso27560' ? 'jsonld' : 'json'}`;
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1e3);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-receipts': YinyomReceipts;
  }
}
