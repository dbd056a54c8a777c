import { addTranslations, msg, str } from '../../i18n/localization.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Actor, Choices, LocalizedText, Purpose } from '../../core/types.js';
import { templates } from '../../i18n/locales/en-consent.js';
import { base } from '../internal/base.styles.js';
import { visuallyHidden } from '../internal/visually-hidden.styles.js';
import { loc, tx } from '../internal/text.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { styles } from './yinyom-consent.styles.js';
import { YinyomInputEvent } from './yinyom-input-event.js';

addTranslations(templates);

const ACTORS: Actor[] = ['self', 'parent', 'custodian', 'curator'];

/**
 * Consent asked where it arises, inside a `<form>`: one checkbox per purpose named in
 * `purposes`, never ticked in advance, each with its description and, on demand, the data,
 * retention and recipients. A sensitive purpose (PDPA s.26) gets explicit wording and a box of
 * its own; nothing is bundled.
 *
 * The element is form-associated. When the form is submitted, it records the choices as a
 * receipt (method `form`) first, durably, and only then lets the submission continue, with
 * the value `{"receipt":"<id>","choices":{...}}` under its `name` (and `"actor"` when a
 * guardian decided, see `value`). Until then, `choices` gives the boxes as they are and
 * `yinyom-input` says when they change. With `required`, every box must be ticked for the
 * form to validate (use it only where the service cannot be given without the consent).
 *
 * With `guardian`, the person can say they decide as parent, custodian or curator for
 * someone else (PDPA s.20); the receipt records that actor. The question is asked once per
 * form: the first `guardian` element of a form (in document order) shows it, and every other
 * `guardian` element of that form follows its answer, in its wording, its receipt and its
 * value. An element outside a form asks for itself; an element without `guardian` always
 * records the person themself.
 *
 * @example
 * ```html
 * <form action="/register" method="post">
 *   <!-- asks who is consenting; the second element follows its answer -->
 *   <yinyom-consent name="consent" purposes="photo-publicity" guardian></yinyom-consent>
 *   <yinyom-consent name="dietary-consent" purposes="dietary" guardian></yinyom-consent>
 *   <textarea name="dietary" disabled></textarea>
 *   <button>ลงทะเบียน</button>
 * </form>
 * <script type="module">
 *   const form = document.querySelector('form');
 *   form.addEventListener('yinyom-input', (event) => {
 *     if ('dietary' in event.detail.choices) form.elements.dietary.disabled = !event.detail.choices.dietary;
 *   });
 * </script>
 * ```
 * @csspart base - The fieldset.
 * @csspart purpose - The box of each purpose.
 * @csspart error - The message shown when the receipt could not be stored.
 * @cssproperty --yinyom-sensitive - Marks sensitive purposes (default amber `#b54708`, `#fdb022` on a dark page).
 * @fires yinyom-input - When a box is ticked or unticked, or the form is reset (`detail.choices`).
 * @fires yinyom-decision - After the receipt was stored, before the form submits.
 * @fires yinyom-error - When it could not be stored; the form is not submitted.
 */
export class YinyomConsent extends YinyomElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    purposes: {},
    required: { type: Boolean, reflect: true },
    guardian: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    checked: { state: true },
    actor: { state: true },
  };
  static override styles = [base, visuallyHidden, styles];

  /** Space-separated purpose ids from the config, e.g. `"photo-publicity dietary"`. */
  declare purposes: string;
  /** Every box must be ticked for the form to validate. Default `false`. */
  declare required: boolean;
  /**
   * Offer "I decide as parent / custodian / curator" (PDPA s.20); in a form, only the first
   * `guardian` element asks and the others follow it. Default `false`.
   */
  declare guardian: boolean;
  /** Disabled: nothing is recorded or submitted. */
  declare disabled: boolean;
  private declare checked: Choices;
  /** The answer to "who is consenting" given in this element (when it is the one that asks). */
  private declare actor: Actor;
  readonly #internals = this.attachInternals();
  #form: HTMLFormElement | null = null;
  /** What was recorded for the boxes and actor as they are now. */
  #recorded?: { receipt: string; choices: Choices; actor: Actor };
  #recording?: Promise<void>;

  constructor() {
    super();
    this.purposes = '';
    this.required = this.guardian = this.disabled = false;
    this.checked = {};
    this.actor = 'self';
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /** The `name` attribute: the key of the value in the form data. */
  get name(): string {
    return this.getAttribute('name') ?? '';
  }
  /**
   * `{"receipt":"<id>","choices":{...}}` once recorded on submit, else `""`. When a guardian
   * decided for someone else, `"actor"` follows: `{"receipt":"<id>","choices":{...},"actor":"parent"}`
   * (also `custodian`, `curator`; absent for the person themself). The actor is an extension
   * of DESIGN.md section 7's value, so a server can tell without looking the receipt up.
   */
  get value(): string {
    const recorded = this.#recorded;
    if (!recorded) return '';
    const { receipt, choices, actor } = recorded;
    return JSON.stringify(actor === 'self' ? { receipt, choices } : { receipt, choices, actor });
  }
  /**
   * The boxes as they are now, by purpose id (`true` when ticked): a copy, read-only, and not
   * recorded until the form is submitted. `yinyom-input` fires when it changes.
   */
  get choices(): Choices {
    return this.#choices();
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  formAssociatedCallback(form: HTMLFormElement | null): void {
    const old = this.#form;
    old?.removeEventListener('submit', this.#onSubmit, true);
    this.#form = form;
    // Capture: runs before the page's own submit handlers, which must see the value.
    form?.addEventListener('submit', this.#onSubmit, true);
    // Which element asks who is consenting may have changed, in the form left and the one joined.
    if (this.guardian) for (const element of [...guardians(old), ...guardians(form)]) element.#actorChanged();
  }

  formResetCallback(): void {
    const ticked = Object.values(this.checked).some(Boolean);
    this.checked = {};
    this.actor = 'self';
    this.#changed();
    if (this.guardian) for (const element of guardians(this.#form)) element.#actorChanged();
    if (ticked) this.dispatchEvent(new YinyomInputEvent({ choices: this.choices }));
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /**
   * The first submit is held: the receipt is written, the value set, and the form submitted
   * again with the same submitter, so the page's handlers and the server only ever see a
   * value whose receipt is already stored.
   */
  #onSubmit = (event: SubmitEvent): void => {
    if (this.#recorded || this.disabled || !this.#ids().length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.#recording ??= this.#record(event.submitter).finally(() => (this.#recording = undefined));
  };

  async #record(submitter: HTMLElement | null) {
    const choices = this.#choices();
    const actor = this.#actor();
    const receipt = await this.record((api) => api.set(choices, { method: 'form', actor: this.guardian ? actor : undefined }));
    if (!receipt || !this.#form) return;
    this.#recorded = { receipt: receipt.id, choices, actor };
    this.#internals.setFormValue(this.value);
    this.#form.requestSubmit((submitter as HTMLButtonElement | null)?.form === this.#form ? submitter : null);
  }

  /** The purposes to ask for: the ids in `purposes` that the config knows. */
  #ids(): string[] {
    const ids = this.purposes.split(/\s+/).filter(Boolean);
    const config = this.ctl.api?.config.purposes;
    return config ? ids.filter((id) => config.some((purpose) => purpose.id === id)) : ids;
  }

  #choices(): Choices {
    return Object.fromEntries(this.#ids().map((id) => [id, !!this.checked[id]]));
  }

  /** Who decides: the answer of the element that asks for this form, or the person themself without `guardian`. */
  #actor(): Actor {
    return this.guardian ? (guardians(this.#form)[0] ?? this).actor : 'self';
  }

  /** A changed box or actor makes a new decision: the old receipt no longer describes it. */
  #changed() {
    this.#recorded = undefined;
    this.#internals.setFormValue(null);
  }

  /** The answer this element follows changed, or which element asks: re-render, record anew. */
  #actorChanged() {
    this.#changed();
    this.requestUpdate();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // `guardian` switched after the first render: who asks, and so who decides, may change.
    if (changed.has('guardian') && changed.get('guardian') !== undefined) {
      this.#changed();
      for (const element of guardians(this.#form)) if (element !== this) element.#actorChanged();
    }
    const missing = this.required && !this.disabled ? this.#ids().find((id) => !this.checked[id]) : undefined;
    const anchor = this.renderRoot.querySelector<HTMLElement>(`input[value="${CSS.escape(missing ?? '')}"]`);
    if (missing) {
      const message = msg('กรุณาทำเครื่องหมายในช่องนี้เพื่อส่งแบบฟอร์ม', { id: 'consent.missing', desc: 'Validation message of a required consent box.' });
      this.#internals.setValidity({ valueMissing: true }, message, anchor ?? undefined);
    } else {
      this.#internals.setValidity({});
    }
  }

  override render() {
    const api = this.ctl.api;
    if (!api) return nothing;
    const language = this.language;
    const ids = this.#ids();
    for (const id of this.purposes.split(/\s+/).filter(Boolean)) {
      if (!ids.includes(id)) console.warn(`[yinyom] <yinyom-consent>: unknown purpose "${id}"`);
    }
    const controller = loc(api.config.controller.name, language);
    const forOther = this.#actor() !== 'self';
    const asks = this.guardian && (guardians(this.#form)[0] ?? this) === this;
    const actors = {
      self: msg('เจ้าของข้อมูล (ตัวข้าพเจ้าเอง)', { id: 'consent.actor-self', desc: 'The person gives consent for themself.' }),
      parent: msg('ผู้ใช้อำนาจปกครอง แทนผู้เยาว์', { id: 'consent.actor-parent', desc: 'PDPA s.20: a parent consents for a minor.' }),
      custodian: msg('ผู้อนุบาล แทนคนไร้ความสามารถ', { id: 'consent.actor-custodian', desc: 'PDPA s.20: the custodian of an incompetent person.' }),
      curator: msg('ผู้พิทักษ์ แทนคนเสมือนไร้ความสามารถ', { id: 'consent.actor-curator', desc: 'PDPA s.20: the curator of a quasi-incompetent person.' }),
    };
    return html`<fieldset part="base" lang=${language} ?disabled=${this.disabled} aria-describedby="hint">
      <legend>${msg('การให้ความยินยอม', { id: 'consent.legend', desc: 'Legend of the consent boxes in a form.' })}</legend>
      <p class="hint" id="hint">
        ${this.required
          ? msg('ต้องทำเครื่องหมายให้ความยินยอมทุกข้อจึงจะส่งแบบฟอร์มนี้ได้ ท่านถอนความยินยอมได้ทุกเมื่อ', { id: 'consent.hint-required' })
          : msg('การให้ความยินยอมเป็นไปโดยสมัครใจ ทำเครื่องหมายเฉพาะข้อที่ท่านยินยอม และท่านถอนความยินยอมได้ทุกเมื่อ', { id: 'consent.hint' })}
      </p>
      ${asks
        ? html`<fieldset class="actor">
            <legend>${msg('ผู้ให้ความยินยอม', { id: 'consent.actor', desc: 'Who gives the consent: the person, or a guardian.' })}</legend>
            ${ACTORS.map(
              (actor) =>
                html`<label><input type="radio" name="actor" .checked=${this.actor === actor} @change=${() => {
                  this.actor = actor;
                  this.#changed();
                  for (const element of guardians(this.#form)) if (element !== this) element.#actorChanged();
                }} />${actors[actor as keyof typeof actors]}</label>`,
            )}
          </fieldset>`
        : nothing}
      ${ids.map((id, i) => this.#purpose(api.config.purposes.find((purpose) => purpose.id === id)!, `p${i}`, controller, forOther))}
      ${this.renderError()}
    </fieldset>`;
  }

  #purpose(purpose: Purpose, key: string, controller: string, forOther: boolean) {
    const language = this.language;
    const list = (items: LocalizedText[] | undefined) =>
      items?.length ? html`<ul>${items.map((item) => html`<li>${tx(item, language)}</li>`)}</ul>` : nothing;
    const details = [
      [msg('ข้อมูลที่เก็บรวบรวม', { id: 'consent.data', desc: 'Personal data collected for a purpose.' }), list(purpose.data)],
      [msg('ระยะเวลาเก็บรักษา', { id: 'consent.retention', desc: 'How long the data is kept.' }), purpose.retention && tx(purpose.retention, language)],
      [msg('ผู้รับข้อมูล', { id: 'consent.recipients', desc: 'Who the data is disclosed to.' }), list(purpose.recipients)],
    ].filter(([, value]) => value && value !== nothing);
    const statement = purpose.sensitive
      ? forOther
        ? msg(
            str`ข้าพเจ้ายินยอมโดยชัดแจ้งแทนเจ้าของข้อมูล ให้ ${controller} เก็บรวบรวมและใช้ข้อมูลส่วนบุคคลที่มีความอ่อนไหวของเจ้าของข้อมูลตามวัตถุประสงค์นี้ ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`,
            { id: 'consent.explicit-for-other', desc: 'Explicit consent (PDPA s.26) given by a guardian; placeholder is the data controller.' },
          )
        : msg(
            str`ข้าพเจ้ายินยอมโดยชัดแจ้ง ให้ ${controller} เก็บรวบรวมและใช้ข้อมูลส่วนบุคคลที่มีความอ่อนไหวของข้าพเจ้าตามวัตถุประสงค์นี้ ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`,
            { id: 'consent.explicit', desc: 'Explicit consent (PDPA s.26) for sensitive data; placeholder is the data controller.' },
          )
      : forOther
        ? msg(str`ข้าพเจ้ายินยอมแทนเจ้าของข้อมูล ให้ ${controller} ใช้ข้อมูลส่วนบุคคลของเจ้าของข้อมูลตามวัตถุประสงค์นี้`, {
            id: 'consent.agree-for-other',
            desc: 'Consent given by a guardian; placeholder is the data controller.',
          })
        : msg(str`ข้าพเจ้ายินยอมให้ ${controller} ใช้ข้อมูลส่วนบุคคลของข้าพเจ้าตามวัตถุประสงค์นี้`, {
            id: 'consent.agree',
            desc: 'Consent statement beside a checkbox; placeholder is the data controller.',
          });
    return html`<div class="purpose ${purpose.sensitive ? 'sensitive' : ''}" part="purpose">
      <input
        type="checkbox"
        id=${key}
        value=${purpose.id}
        .checked=${!!this.checked[purpose.id]}
        aria-describedby=${purpose.description ? `${key}d` : nothing}
        aria-required=${this.required ? 'true' : nothing}
        @change=${(event: Event) => {
          this.checked = { ...this.checked, [purpose.id]: (event.target as HTMLInputElement).checked };
          this.#changed();
          this.dispatchEvent(new YinyomInputEvent({ choices: this.choices }));
        }}
      />
      <label for=${key}>
        <strong>${tx(purpose.title, language)}</strong>
        ${purpose.sensitive ? html`<span class="badge">${msg('ข้อมูลอ่อนไหว', { id: 'consent.sensitive', desc: 'Badge on a PDPA s.26 purpose.' })}</span>` : nothing}
        <br />${statement}
      </label>
      ${purpose.description ? html`<p id="${key}d">${tx(purpose.description, language)}</p>` : nothing}
      ${details.length
        ? html`<details>
            <summary>${msg('รายละเอียด', { id: 'consent.details', desc: 'Shows data, retention and recipients of a purpose.' })}<span class="vh">: ${loc(purpose.title, language)}</span></summary>
            <dl>${details.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>
          </details>`
        : nothing}
    </div>`;
  }
}

/** The `guardian` consent elements of `form`, in document order; the first asks who is consenting. */
function guardians(form: HTMLFormElement | null): YinyomConsent[] {
  return form ? [...form.elements].filter((element): element is YinyomConsent => element instanceof YinyomConsent && element.guardian) : [];
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-consent': YinyomConsent;
  }
}
