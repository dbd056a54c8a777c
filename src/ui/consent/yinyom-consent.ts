import { addTranslations, msg, str } from '../../i18n/localization.js';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { Actor, Choices, GuardianRecord, LocalizedText, Purpose, Relationship } from '../../core/types.js';
import { templates } from '../../i18n/locales/en-consent.js';
import { base } from '../internal/base.styles.js';
import { visuallyHidden } from '../internal/visually-hidden.styles.js';
import { loc } from '../internal/text.js';
import { tx } from '../internal/thai-fallback.js';
import { YinyomElement } from '../internal/yinyom-element.js';
import { styles } from './yinyom-consent.styles.js';
import { YinyomInputEvent } from './yinyom-input-event.js';

addTranslations(templates);

/**
 * Who the person is, for PDPA s.20, and so who consents: the person (20 or over, or sui juris
 * by marriage); a minor of 10 to 19 together with the parent or guardian; for a minor under
 * 10, the parent or guardian alone; for an incompetent person the custodian (ผู้อนุบาล); for
 * a quasi-incompetent person the curator (ผู้พิทักษ์).
 */
export type SubjectStatus = 'adult' | '10-19' | 'under-10' | 'incompetent' | 'quasi-incompetent';
const STATUSES: SubjectStatus[] = ['adult', '10-19', 'under-10', 'incompetent', 'quasi-incompetent'];
/** Who records the decision for each status (the receipt's `actor`). */
const ACTOR: Record<SubjectStatus, Actor> = { adult: 'self', '10-19': 'self', 'under-10': 'parent', incompetent: 'custodian', 'quasi-incompetent': 'curator' };
/** A minor's parents and guardian: the relationships a form asks about. */
const MINOR_GUARDIANS: Relationship[] = ['father', 'mother', 'adoptive-parent', 'guardian'];

/** The answers of the element that asks who is consenting; elements of the same form follow them. */
interface Consenter {
  status?: SubjectStatus;
  relationship?: Relationship;
  name: string;
  /** A minor of 10 to 19: the parent or guardian ticked that they consent too. */
  joins: boolean;
}

/**
 * Consent asked where it arises, inside a `<form>`: one checkbox per purpose named in
 * `purposes`, never ticked in advance, each with its description, the data, retention and
 * recipients on demand, and the consent sentence naming the controller and collection, use
 * and disclosure. A sensitive purpose (PDPA s.26) gets explicit wording and a box of its own;
 * nothing is bundled.
 *
 * The element is form-associated. When the form is submitted, it records the choices as a
 * receipt (method `form`) first, durably, and only then lets the submission continue, with
 * the value `{"receipt":"<id>","choices":{...}}` under its `name` (with `"actor"` and
 * `"guardian"` when a guardian took part, see `value`). Until then, `choices` gives the boxes
 * as they are and `yinyom-input` says when they change.
 *
 * `required`: every box must be ticked for the form to validate. PDPA s.19 para 4 forbids
 * making a service conditional on consent to what the service does not need, so use it only
 * where the service cannot be given without the consented processing; the hint says so.
 *
 * Minors and persons without full capacity (PDPA s.20): with `guardian`, the form asks who
 * the person is. A person of 20 or over consents alone; a minor of 10 to 19 consents and the
 * parent or guardian consents too (one receipt records both); for a minor under 10, an
 * incompetent or a quasi-incompetent person, the parent or guardian, custodian or curator
 * consents alone. The receipt records the relationship, and the guardian's name where
 * `guardian-name` asks for it. A site that knows the age band sets `age-band` instead of
 * asking. The question is asked once per form: the first such element of a form (in
 * document order) shows it, and every other one of that form follows its answers. An element
 * outside a form asks for itself.
 *
 * @example
 * ```html
 * <form action="/register" method="post">
 *   <!-- asks who is consenting; the second element follows its answer -->
 *   <yinyom-consent name="consent" purposes="photo-publicity" guardian guardian-name></yinyom-consent>
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
 * @tag yinyom-consent
 * @attr {string} name - The key of the element's value in the form data.
 */
export class YinyomConsent extends YinyomElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    purposes: {},
    required: { type: Boolean, reflect: true },
    guardian: { type: Boolean, reflect: true },
    guardianName: { type: Boolean, reflect: true, attribute: 'guardian-name' },
    ageBand: { reflect: true, attribute: 'age-band' },
    disabled: { type: Boolean, reflect: true },
    checked: { state: true },
    answers: { state: true },
  };
  static override styles = [base, visuallyHidden, styles];

  /** Space-separated purpose ids from the config, e.g. `"photo-publicity dietary"`. */
  declare purposes: string;
  /** Every box must be ticked for the form to validate (PDPA s.19 para 4: only for what the service needs). Default `false`. */
  declare required: boolean;
  /**
   * Ask who the person is and who consents (PDPA s.20); in a form, only the first such
   * element asks and the others follow it. Default `false`.
   */
  declare guardian: boolean;
  /** With a guardian taking part, also ask for the guardian's name, recorded in the receipt. Default `false`. */
  declare guardianName: boolean;
  /**
   * The person's age band when the site knows it: `adult` (20 or over, or married), `10-19` or
   * `under-10`. The form then does not ask, and a guardian takes part as s.20 says.
   */
  declare ageBand: 'adult' | '10-19' | 'under-10' | undefined;
  /** Disabled: nothing is recorded or submitted. */
  declare disabled: boolean;
  private declare checked: Choices;
  /** The answers to "who is consenting" given in this element (when it is the one that asks). */
  private declare answers: Consenter;
  readonly #internals = this.attachInternals();
  #form: HTMLFormElement | null = null;
  /** What was recorded for the boxes and answers as they are now. */
  #recorded?: { receipt: string; choices: Choices; actor: Actor; guardian?: GuardianRecord };
  #recording?: Promise<void>;

  constructor() {
    super();
    this.purposes = '';
    this.required = this.guardian = this.guardianName = this.disabled = false;
    this.checked = {};
    this.answers = { name: '', joins: false };
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /**
   * The `name` attribute: the key of the value in the form data. Settable, as for every
   * attribute of the elements: React 19 sets properties on custom elements.
   */
  get name(): string {
    return this.getAttribute('name') ?? '';
  }
  set name(name: string) {
    this.setAttribute('name', name);
  }
  /**
   * `{"receipt":"<id>","choices":{...}}` once recorded on submit, else `""`. When a guardian
   * took part, `"actor"` (for one who decided alone: `parent`, `custodian`, `curator`) and
   * `"guardian"` (`{"relationship", "name"?}`) follow, so a server can tell without looking
   * the receipt up. Both extend DESIGN.md section 7's value.
   */
  get value(): string {
    const recorded = this.#recorded;
    if (!recorded) return '';
    const { receipt, choices, actor, guardian } = recorded;
    return JSON.stringify({ receipt, choices, ...(actor !== 'self' && { actor }), ...(guardian && { guardian }) });
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
    if (this.#asksAboutGuardian()) for (const element of [...guardians(old), ...guardians(form)]) element.#answersChanged();
  }

  formResetCallback(): void {
    const ticked = Object.values(this.checked).some(Boolean);
    this.checked = {};
    this.answers = { name: '', joins: false };
    this.#changed();
    if (this.#asksAboutGuardian()) for (const element of guardians(this.#form)) element.#answersChanged();
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
    const { actor, guardian } = this.#who();
    const sentences = Object.fromEntries(this.#purposeList().map((purpose) => [purpose.id, this.#sentence(purpose)]));
    const receipt = await this.ctl.record((api) => api.set(choices, { method: 'form', actor, guardian, shown: { sentences } }));
    if (!receipt || !this.#form) return;
    this.#recorded = { receipt: receipt.id, choices, actor, guardian };
    this.#internals.setFormValue(this.value);
    this.#form.requestSubmit((submitter as HTMLButtonElement | null)?.form === this.#form ? submitter : null);
  }

  /** The purposes to ask for: the ids in `purposes` that the config knows. */
  #ids(): string[] {
    const ids = this.purposes.split(/\s+/).filter(Boolean);
    const config = this.ctl.api?.config.purposes;
    return config ? ids.filter((id) => config.some((purpose) => purpose.id === id)) : ids;
  }

  #purposeList(): Purpose[] {
    const purposes = this.ctl.api?.config.purposes ?? [];
    return this.#ids().map((id) => purposes.find((purpose) => purpose.id === id)!);
  }

  #choices(): Choices {
    return Object.fromEntries(this.#ids().map((id) => [id, !!this.checked[id]]));
  }

  /** This element asks who is consenting, or follows the one of its form that does. */
  #asksAboutGuardian(): boolean {
    return this.guardian || !!this.ageBand;
  }

  /** The answers this element goes by: those of the element that asks for its form. */
  #answers(): Consenter {
    const asker = this.#asksAboutGuardian() ? (guardians(this.#form)[0] ?? this) : this;
    const status = asker.ageBand && STATUSES.includes(asker.ageBand) ? asker.ageBand : asker.guardian ? asker.answers.status : 'adult';
    return { ...asker.answers, status };
  }

  /** Who decides, as the receipt records it. */
  #who(): { actor: Actor; guardian?: GuardianRecord } {
    const { status = 'adult', relationship, name, joins } = this.#answers();
    const actor = ACTOR[status];
    const role = status === 'incompetent' ? 'custodian' : status === 'quasi-incompetent' ? 'curator' : relationship;
    // A minor of 10 to 19 who ticked nothing needs no guardian to refuse.
    const takesPart = status !== 'adult' && role && (status !== '10-19' || joins);
    if (!takesPart) return { actor };
    return { actor, guardian: this.guardianName && name.trim() ? { relationship: role, name: name.trim() } : { relationship: role } };
  }

  /** What keeps the form from being submitted, with the control to point at; `undefined` when nothing does. */
  #problem(): [message: string, anchor: string] | undefined {
    if (this.disabled) return;
    const asks = this.#asks();
    const { status, relationship, name, joins } = this.#answers();
    if (asks && !status) return [msg('โปรดระบุผู้ให้ความยินยอม', { id: 'consent.missing-status', desc: 'Validation: who is consenting was not answered.' }), 'input[name=status]'];
    const minor = status === '10-19' || status === 'under-10';
    if (asks && minor && !relationship) {
      return [msg('โปรดระบุความเกี่ยวข้องกับผู้เยาว์', { id: 'consent.missing-relationship', desc: 'Validation: the guardian did not say how they are related to the minor.' }), 'select'];
    }
    const guardianTakesPart = status && status !== 'adult' && (status !== '10-19' || Object.values(this.checked).some(Boolean));
    if (asks && this.guardianName && guardianTakesPart && !name.trim()) {
      return [msg('โปรดระบุชื่อและนามสกุลของผู้ให้ความยินยอมแทน', { id: 'consent.missing-name', desc: 'Validation: the guardian name was asked for and not given.' }), 'input[name=guardian-name]'];
    }
    if (status === '10-19' && !joins && Object.values(this.#choices()).some(Boolean)) {
      // Asked in the element that asks; a follower points at its own first ticked box.
      const message = msg('ผู้ใช้อำนาจปกครองต้องให้ความยินยอมร่วมกับผู้เยาว์ด้วย', { id: 'consent.missing-joins', desc: 'Validation: a minor of 10 to 19 ticked a box and the parent did not consent too.' });
      return [message, asks ? 'input[name=joins]' : 'input[type=checkbox]:checked'];
    }
    const missing = this.required ? this.#ids().find((id) => !this.checked[id]) : undefined;
    if (missing) {
      return [msg('โปรดทำเครื่องหมายในช่องนี้เพื่อส่งแบบฟอร์ม', { id: 'consent.missing', desc: 'Validation message of a required consent box.' }), `input[value="${CSS.escape(missing)}"]`];
    }
  }

  /** This element shows the question of who is consenting (it is the first of its form to ask). */
  #asks(): boolean {
    return this.#asksAboutGuardian() && (guardians(this.#form)[0] ?? this) === this;
  }

  /** A changed box or answer makes a new decision: the old receipt no longer describes it. */
  #changed() {
    this.#recorded = undefined;
    this.#internals.setFormValue(null);
    // At once, not after the next render: a submit may follow in the same task.
    this.#validate();
  }

  /** Sets the element's validity from the boxes and answers as they are now. */
  #validate() {
    const problem = this.#problem();
    // Every problem is an answer or a tick that is missing. The render root does not exist yet
    // when the element joins a form before its first render.
    if (problem) this.#internals.setValidity({ valueMissing: true }, problem[0], this.renderRoot?.querySelector<HTMLElement>(problem[1]) ?? undefined);
    else this.#internals.setValidity({});
  }

  /** The answers this element follows changed, or which element asks: re-render, record anew. */
  #answersChanged() {
    this.#changed();
    this.requestUpdate();
  }

  /** Sets one answer in the element that asks, and tells the elements that follow it. */
  #answer(change: Partial<Consenter>) {
    this.answers = { ...this.answers, ...change };
    this.#changed();
    for (const element of guardians(this.#form)) if (element !== this) element.#answersChanged();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // `guardian` or `age-band` switched after the first render: who asks, and so who decides, may change.
    const switched = (name: 'guardian' | 'ageBand') => changed.has(name) && this.hasUpdated && changed.get(name) !== undefined;
    if (switched('guardian') || switched('ageBand')) {
      this.#changed();
      for (const element of guardians(this.#form)) if (element !== this) element.#answersChanged();
    }
    this.#validate();
  }

  /** The consent sentence beside a purpose's box, as the person or a guardian deciding alone says it. */
  #sentence(purpose: Purpose): string {
    const controller = loc(this.ctl.api!.config.controller.name, this.language);
    const forOther = this.#who().actor !== 'self';
    if (purpose.sensitive) {
      return forOther
        ? msg(
            str`ข้าพเจ้าในฐานะผู้มีอำนาจกระทำการแทนเจ้าของข้อมูล ให้ความยินยอมโดยชัดแจ้งแก่ ${controller} ในการเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลที่มีความอ่อนไหวของเจ้าของข้อมูลตามวัตถุประสงค์ข้างต้น ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`,
            { id: 'consent.explicit-for-other', desc: 'Explicit consent (PDPA s.26) given by a guardian alone; placeholder is the data controller.' },
          )
        : msg(
            str`ข้าพเจ้าให้ความยินยอมโดยชัดแจ้งแก่ ${controller} ในการเก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลที่มีความอ่อนไหวของข้าพเจ้าตามวัตถุประสงค์ข้างต้น ตามมาตรา 26 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`,
            { id: 'consent.explicit', desc: 'Explicit consent (PDPA s.26) for sensitive data; placeholder is the data controller.' },
          );
    }
    return forOther
      ? msg(str`ข้าพเจ้าในฐานะผู้มีอำนาจกระทำการแทนเจ้าของข้อมูล ยินยอมให้ ${controller} เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลของเจ้าของข้อมูลตามวัตถุประสงค์ข้างต้น`, {
          id: 'consent.agree-for-other',
          desc: 'Consent given by a guardian alone; placeholder is the data controller.',
        })
      : msg(str`ข้าพเจ้ายินยอมให้ ${controller} เก็บรวบรวม ใช้ และเปิดเผยข้อมูลส่วนบุคคลของข้าพเจ้าตามวัตถุประสงค์ข้างต้น`, {
          id: 'consent.agree',
          desc: 'Consent statement beside a checkbox; placeholder is the data controller.',
        });
  }

  override render() {
    const api = this.ctl.api;
    if (!api) return nothing;
    const language = this.language;
    const ids = this.#ids();
    for (const id of this.purposes.split(/\s+/).filter(Boolean)) {
      if (!ids.includes(id)) console.warn(`[yinyom] <yinyom-consent>: unknown purpose "${id}"`);
    }
    return html`<fieldset part="base" lang=${language} ?disabled=${this.disabled} aria-describedby="hint">
      <legend>${msg('การให้ความยินยอม', { id: 'consent.legend', desc: 'Legend of the consent boxes in a form.' })}</legend>
      <p class="hint" id="hint">
        ${this.required
          ? msg('ต้องให้ความยินยอมทุกข้อจึงจะรับบริการนี้ได้ เนื่องจากข้อมูลดังกล่าวจำเป็นต่อการให้บริการ ท่านถอนความยินยอมได้ทุกเมื่อ', {
              id: 'consent.hint-required',
              desc: 'Hint of a required consent: why it is needed (PDPA s.19 para 4).',
            })
          : msg('การให้ความยินยอมเป็นไปโดยสมัครใจ โปรดทำเครื่องหมายเฉพาะข้อที่ท่านยินยอม ท่านถอนความยินยอมได้ทุกเมื่อ', { id: 'consent.hint' })}
      </p>
      ${this.#asks() ? this.#question() : nothing}
      ${this.#purposeList().map((purpose, i) => this.#purpose(purpose, `p${i}`))}
      ${this.#asks() && this.#answers().status === '10-19' ? this.#joins() : nothing}
      ${this.renderError()}
    </fieldset>`;
  }

  /** Who the person is (unless `age-band` says), how the guardian is related, and the guardian's name where asked. */
  #question() {
    const { status, relationship, name } = this.#answers();
    const statuses = {
      adult: msg('บุคคลอายุ 20 ปีขึ้นไป หรือบรรลุนิติภาวะแล้ว ให้ความยินยอมด้วยตนเอง', { id: 'consent.status-adult', desc: 'PDPA s.20: the person consents alone.' }),
      '10-19': msg('ผู้เยาว์อายุ 10 ถึง 19 ปี ให้ความยินยอมร่วมกับผู้ใช้อำนาจปกครอง', { id: 'consent.status-minor', desc: 'PDPA s.20: a minor of 10 to 19 consents with the parent.' }),
      'under-10': msg('ผู้เยาว์อายุต่ำกว่า 10 ปี ผู้ใช้อำนาจปกครองให้ความยินยอมแทน', { id: 'consent.status-child', desc: 'PDPA s.20: the parent consents alone for a child under 10.' }),
      incompetent: msg('คนไร้ความสามารถ ผู้อนุบาลให้ความยินยอมแทน', { id: 'consent.status-incompetent', desc: 'PDPA s.20: the custodian consents for an incompetent person.' }),
      'quasi-incompetent': msg('คนเสมือนไร้ความสามารถ ผู้พิทักษ์ให้ความยินยอมแทน', { id: 'consent.status-quasi', desc: 'PDPA s.20: the curator consents for a quasi-incompetent person.' }),
    };
    const relationships = {
      father: msg('บิดา', { id: 'consent.relationship-father' }),
      mother: msg('มารดา', { id: 'consent.relationship-mother' }),
      'adoptive-parent': msg('ผู้รับบุตรบุญธรรม', { id: 'consent.relationship-adoptive' }),
      guardian: msg('ผู้ปกครองที่ศาลตั้ง', { id: 'consent.relationship-guardian', desc: 'A guardian appointed by a court for a minor.' }),
    } as Record<Relationship, string>;
    const minor = status === '10-19' || status === 'under-10';
    const guardianTakesPart = !!status && status !== 'adult';
    return html`<fieldset class="actor">
      <legend>${msg('ผู้ให้ความยินยอม', { id: 'consent.actor', desc: 'Who gives the consent: the person, or a guardian.' })}</legend>
      ${this.ageBand
        ? nothing
        : STATUSES.map(
            (value) =>
              html`<label><input type="radio" name="status" required .checked=${status === value} @change=${() => this.#answer({ status: value })} />${statuses[value]}</label>`,
          )}
      ${minor
        ? html`<label class="field">
            ${msg('ความเกี่ยวข้องกับผู้เยาว์', { id: 'consent.relationship', desc: 'Label: how the guardian is related to the minor.' })}
            <select required @change=${(event: Event) => this.#answer({ relationship: ((event.target as HTMLSelectElement).value || undefined) as Relationship | undefined })}>
              <option value="" ?selected=${!relationship}>${msg('โปรดเลือก', { id: 'consent.choose' })}</option>
              ${MINOR_GUARDIANS.map((value) => html`<option value=${value} ?selected=${relationship === value}>${relationships[value]}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.guardianName && guardianTakesPart
        ? html`<label class="field">
            ${msg('ชื่อและนามสกุลของผู้ให้ความยินยอมแทนหรือร่วมกับเจ้าของข้อมูล', { id: 'consent.guardian-name', desc: 'Label: the name of the guardian.' })}
            <input type="text" name="guardian-name" autocomplete="name" required maxlength="200" .value=${name} @input=${(event: Event) => this.#answer({ name: (event.target as HTMLInputElement).value })} />
          </label>`
        : nothing}
    </fieldset>`;
  }

  /** A minor of 10 to 19: the parent or guardian consents too, to what the minor ticked. */
  #joins() {
    return html`<div class="joins">
      <input type="checkbox" id="joins" name="joins" .checked=${this.answers.joins} @change=${(event: Event) => this.#answer({ joins: (event.target as HTMLInputElement).checked })} />
      <label for="joins">
        ${msg('ข้าพเจ้าในฐานะผู้ใช้อำนาจปกครองของผู้เยาว์ ให้ความยินยอมตามที่ผู้เยาว์ได้ให้ไว้ในแบบฟอร์มนี้ด้วย', {
          id: 'consent.guardian-joins',
          desc: 'PDPA s.20: the parent of a minor of 10 to 19 consents too.',
        })}
      </label>
    </div>`;
  }

  #purpose(purpose: Purpose, key: string) {
    const language = this.language;
    const list = (items: LocalizedText[] | undefined) =>
      items?.length ? html`<ul>${items.map((item) => html`<li>${tx(item, language)}</li>`)}</ul>` : nothing;
    const details = [
      [msg('ข้อมูลที่เก็บรวบรวม', { id: 'consent.data', desc: 'Personal data collected for a purpose.' }), list(purpose.data)],
      [msg('ระยะเวลาเก็บรักษา', { id: 'consent.retention', desc: 'How long the data is kept.' }), purpose.retention && tx(purpose.retention, language)],
      [msg('ผู้รับข้อมูล', { id: 'consent.recipients', desc: 'Who the data is disclosed to.' }), list(purpose.recipients)],
    ].filter(([, value]) => value && value !== nothing);
    return html`<div class="purpose ${purpose.sensitive ? 'sensitive' : ''}" part="purpose">
      <p class="title">
        <strong id="${key}t">${tx(purpose.title, language)}</strong>
        ${purpose.sensitive ? html`<span class="badge">${msg('ข้อมูลอ่อนไหว', { id: 'consent.sensitive', desc: 'Badge on a PDPA s.26 purpose.' })}</span>` : nothing}
      </p>
      ${purpose.description ? html`<p id="${key}d">${tx(purpose.description, language)}</p>` : nothing}
      ${details.length
        ? html`<details>
            <summary>${msg('รายละเอียด', { id: 'consent.details', desc: 'Shows data, retention and recipients of a purpose.' })}<span class="vh">: ${loc(purpose.title, language)}</span></summary>
            <dl>${details.map(([term, value]) => html`<dt>${term}</dt><dd>${value}</dd>`)}</dl>
          </details>`
        : nothing}
      <div class="agree">
        <input
          type="checkbox"
          id=${key}
          value=${purpose.id}
          .checked=${!!this.checked[purpose.id]}
          aria-describedby=${purpose.description ? `${key}t ${key}d` : `${key}t`}
          aria-required=${this.required ? 'true' : nothing}
          @change=${(event: Event) => {
            this.checked = { ...this.checked, [purpose.id]: (event.target as HTMLInputElement).checked };
            this.#changed();
            this.dispatchEvent(new YinyomInputEvent({ choices: this.choices }));
          }}
        />
        <label for=${key}>${this.#sentence(purpose)}</label>
      </div>
    </div>`;
  }
}

/** The consent elements of `form` that ask who is consenting, in document order; the first asks. */
function guardians(form: HTMLFormElement | null): YinyomConsent[] {
  return form
    ? [...form.elements].filter((element): element is YinyomConsent => element instanceof YinyomConsent && (element.guardian || !!element.ageBand))
    : [];
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-consent': YinyomConsent;
  }
}
