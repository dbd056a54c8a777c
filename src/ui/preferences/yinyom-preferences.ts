import { addTranslations, msg, str } from '../../i18n/localization.js';
import { templates } from '../../i18n/locales/en-preferences.js';
import { html, nothing } from 'lit';
import type { Category, Choices, ConsentApi, Language, Purpose } from '../../core/types.js';
import { base } from '../internal/base.styles.js';
import { dialog } from '../internal/dialog.styles.js';
import { table } from '../internal/table.styles.js';
import { ModalController } from '../internal/modal-controller.js';
import { acceptAll, closeLabel, rejectAll } from '../internal/strings.js';
import { tx } from '../internal/thai-fallback.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { styles } from './yinyom-preferences.styles.js';

addTranslations(templates);

type Item = Category & Purpose;

/** The purposes the preferences ask for beside the categories; never a sensitive one. */
const bannerPurposes = (api: ConsentApi) => api.config.purposes.filter((purpose) => purpose.banner && !purpose.sensitive) as Item[];

/**
 * The preferences dialog, a native `<dialog>` opened with `showModal()`: a switch per cookie
 * category (required ones on and disabled) with its description and, on demand, its cookies;
 * the purposes marked `banner: true`; Save, Accept all and Reject all; a Thai/English switch.
 * Nothing is switched on that the person did not switch on before. Escape closes it and focus
 * returns to the control that opened it.
 *
 * @csspart dialog - The `<dialog>`.
 * @csspart switch - Each switch (`role="switch"`).
 * @csspart button - Each footer button; also `save`, `accept`, `reject`.
 * @csspart language - The button that switches between Thai and English.
 * @csspart error - The message shown when a decision could not be stored.
 * @fires yinyom-toggle - When it opens or closes.
 * @fires yinyom-decision - After a choice was stored.
 * @fires yinyom-error - When it could not be stored.
 * @tag yinyom-preferences
 */
export class YinyomPreferences extends YinyomElement {
  static override properties = { open: { type: Boolean, reflect: true }, choices: { state: true } };
  static override styles = [base, dialog, table, styles];

  /** Whether the dialog is open. Read-only in effect: use `show()` and `hide()`. */
  declare open: boolean;
  private declare choices: Choices;
  readonly #modal = new ModalController(this, 'preferences');

  constructor() {
    super();
    this.open = false;
    this.choices = {};
  }

  /** Opens the dialog modally with the current choices; resolves once it has focus. */
  async show(): Promise<void> {
    const api = await this.ctl.ready();
    if (this.open) return;
    this.choices = api.state().choices;
    await this.#modal.show();
  }

  /** Closes the dialog without recording anything; focus returns to the opener. */
  hide(): Promise<void> {
    return this.#modal.hide();
  }

  override render() {
    const api = this.ctl.api;
    if (!this.open || !api) return nothing;
    const language = this.language;
    const purposes = bannerPurposes(api);
    const intro = msg(
      'โปรดเลือกประเภทคุกกี้ที่ท่านยินยอมให้ใช้ คุกกี้ที่จำเป็นจะเปิดใช้งานตลอดเวลาเนื่องจากจำเป็นต่อการทำงานของเว็บไซต์ ท่านสามารถเปลี่ยนการตั้งค่าหรือถอนความยินยอมได้ทุกเมื่อ',
      { id: 'prefs.intro', desc: 'Introduction at the top of the preferences dialog.' },
    );
    // The receipt's `shown`: each choice with the dialog's wording and its introduction.
    const shown = { view: 'dialog' as const, sentence: intro };
    const decide = (how: 'save' | 'accept' | 'reject') =>
      this.ctl.record((api) =>
        how === 'accept'
          ? api.acceptAll({ method: 'banner.accept-all', shown })
          : how === 'reject'
            ? api.rejectAll({ method: 'banner.reject-all', shown })
            : api.set(this.#selection(api), { method: 'preferences.save', shown }),
      ).then((receipt) => receipt && this.hide());
    return html`<dialog part="dialog" aria-labelledby="title" lang=${language} @close=${this.#modal.closed}>
      <header>
        <h2 id="title" tabindex="-1">${msg('ตั้งค่าคุกกี้', { id: 'prefs.title', desc: 'Heading of the preferences dialog.' })}</h2>
        ${this.renderLanguage(api)}
        <button type="button" class="close" aria-label=${closeLabel()} @click=${() => this.hide()}>×</button>
      </header>
      <div class="body">
        <p class="intro">${intro}</p>
        ${(api.config.categories as Item[]).map((item, i) => this.#item(item, `c${i}`, language))}
        ${purposes.length
          ? html`<h3 class="group">${msg('การใช้ข้อมูลเพื่อวัตถุประสงค์อื่น', { id: 'prefs.purposes', desc: 'Heading above the non-cookie purposes.' })}</h3>
              ${purposes.map((item, i) => this.#item(item, `p${i}`, language))}`
          : nothing}
      </div>
      <footer>
        ${this.renderError()}
        <button type="button" class="btn" part="button accept" @click=${() => decide('accept')}>
          ${acceptAll()}
        </button>
        <button type="button" class="btn" part="button reject" @click=${() => decide('reject')}>
          ${rejectAll()}
        </button>
        <button type="button" class="btn quiet" part="button save" @click=${() => decide('save')}>
          ${msg('บันทึกการตั้งค่า', { id: 'prefs.save', desc: 'Store the switches as they are.' })}
        </button>
      </footer>
    </dialog>`;
  }

  #item(item: Item, key: string, language: Language) {
    const cookies = item.cookies ?? [];
    const on = !!(item.required || this.choices[item.id]);
    return html`<section>
      <div class="row">
        <h3 id=${key}>${tx(item.title, language)}</h3>
        ${item.required ? html`<span class="always">${msg('เปิดใช้เสมอ', { id: 'prefs.always-on', desc: 'Shown beside a required category.' })}</span>` : nothing}
        <button
          type="button"
          role="switch"
          part="switch"
          aria-checked=${on}
          aria-labelledby=${key}
          aria-describedby=${item.description ? `${key}d` : nothing}
          ?disabled=${item.required}
          @click=${() => (this.choices = { ...this.choices, [item.id]: !on })}
        ></button>
      </div>
      ${item.description ? html`<p id="${key}d">${tx(item.description, language)}</p>` : nothing}
      ${cookies.length
        ? html`<details>
            <summary>${msg(str`รายการคุกกี้ (${cookies.length} รายการ)`, { id: 'prefs.cookies', desc: 'Shows the table of cookies of a category; placeholder is their number.' })}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">${msg('ชื่อ', { id: 'prefs.cookie-name' })}</th>
                  <th scope="col">${msg('ผู้ให้บริการ', { id: 'prefs.cookie-provider', desc: 'Who sets the cookie.' })}</th>
                  <th scope="col">${msg('ระยะเวลา', { id: 'prefs.cookie-duration', desc: 'How long the cookie lasts.' })}</th>
                </tr>
              </thead>
              <tbody>
                ${cookies.map(
                  (cookie) =>
                    html`<tr>
                      <td><code>${cookie.name}</code>${cookie.description ? html`<br />${tx(cookie.description, language)}` : nothing}</td>
                      <td>${tx(cookie.provider, language)}</td>
                      <td>${tx(cookie.duration, language)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </details>`
        : nothing}
    </section>`;
  }

  #selection(api: ConsentApi): Choices {
    const items = [...(api.config.categories as Item[]), ...bannerPurposes(api)];
    return Object.fromEntries(items.filter((item) => !item.required).map((item) => [item.id, !!this.choices[item.id]]));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-preferences': YinyomPreferences;
  }
}
