import { addTranslations, msg } from '../../i18n/localization.js';
import { templates } from '../../i18n/locales/en-manage.js';
import { html, LitElement, nothing } from 'lit';
import { css } from '../internal/css.js';
import { base } from '../internal/base.styles.js';
import { safeHref } from '../internal/text.js';
import { YinyomElement } from '../internal/yinyom-element.js';

addTranslations(templates);

/**
 * A small button that reopens the cookie settings at any time, so withdrawing consent is as
 * easy as giving it; with `consents-href`, a link "ความยินยอมของฉัน" beside it to the page that
 * holds `<yinyom-receipts>`, where consents to purposes that are not cookies (a photo, dietary
 * data) are withdrawn: one step from every page that has the element. Inline where the page
 * puts it (a footer is typical); with `floating`, fixed to the bottom corner of the viewport.
 * Focusing the element focuses its button.
 *
 * @example
 * ```html
 * <footer><yinyom-manage consents-href="/my-consents.html"></yinyom-manage></footer>
 * ```
 * @csspart button - The button.
 * @csspart consents - The link to the page of the person's consents.
 * @tag yinyom-manage
 */
export class YinyomManage extends YinyomElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = { floating: { type: Boolean, reflect: true }, consentsHref: { reflect: true, attribute: 'consents-href' } };
  static override styles = [
    base,
    css`
      :host {
        display: inline-flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        background: none;
      }
      /* Under the banner, which offers Settings itself while it is open. */
      :host([floating]) {
        position: fixed;
        inset: auto auto 1rem 1rem;
        z-index: calc(var(--yinyom-z-index, 2147483000) - 1);
      }
      button {
        display: inline-flex;
        align-items: center;
        gap: 0.375rem;
        background: var(--_bg);
      }
      svg {
        width: 1.25em;
        height: 1.25em;
        fill: currentColor;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Fixed to the bottom corner of the viewport instead of inline. Default `false`. */
  declare floating: boolean;
  /** The page where the person sees and withdraws every consent (it holds `<yinyom-receipts>`); http(s) only. */
  declare consentsHref: string | undefined;

  constructor() {
    super();
    this.floating = false;
  }

  override render() {
    const consents = safeHref(this.consentsHref);
    return html`<button type="button" class="btn quiet" part="button" lang=${this.language} @click=${() => this.ctl.showView('preferences')}>
      <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2a10 10 0 1 0 10 10 4 4 0 0 1-5-5 4 4 0 0 1-5-5Zm-3.5 7a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm6 5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3Zm-7 3a1 1 0 1 1 0 2 1 1 0 0 1 0-2Z" /></svg>
      ${msg('ตั้งค่าคุกกี้', { id: 'manage.label', desc: 'Button that reopens the cookie settings.' })}
    </button>${consents
      ? html`<a href=${consents} part="consents" lang=${this.language}>${msg('ความยินยอมของฉัน', { id: 'manage.consents', desc: 'Link to the page where the person sees and withdraws their consents.' })}</a>`
      : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'yinyom-manage': YinyomManage;
  }
}
