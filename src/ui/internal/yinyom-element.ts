import { msg, uiLanguage } from '../../i18n/localization.js';
import { html, LitElement, nothing } from 'lit';
import type { ConsentApi, Language } from '../../core/types.js';
import { ConsentController } from './consent-controller.js';

/**
 * What every Lit element of Yinyom shares: the consent API and its controller (`ctl`, which
 * records decisions and opens views), the UI language, the error and language button.
 */
export class YinyomElement extends LitElement {
  #consent?: ConsentApi;
  protected readonly ctl = new ConsentController(this);

  /**
   * The consent API the element renders and records to. Default: the page's instance (the
   * script tag's, or the last `createConsent()`).
   */
  get consent(): ConsentApi | undefined {
    return this.#consent;
  }
  set consent(api: ConsentApi | undefined) {
    this.#consent = api;
    if (this.isConnected) void this.ctl.attach();
  }

  /** The language the element renders in: the core's, once its strings are loaded. */
  protected get language(): Language {
    return uiLanguage();
  }

  protected renderError() {
    return this.ctl.error
      ? html`<p class="error" role="alert" part="error">
          ${msg('บันทึกไม่สำเร็จ โปรดลองอีกครั้ง', { id: 'ui.save-failed', desc: 'A decision could not be stored.' })}
        </p>`
      : nothing;
  }

  /** A button that switches every element to the other language, labelled in that language. */
  protected renderLanguage(api: ConsentApi) {
    const other = this.language === 'th' ? 'en' : 'th';
    return html`<button type="button" class="language" part="language" lang=${other} @click=${() => api.setLanguage(other)}>
      ${other === 'en' ? 'English' : 'ภาษาไทย'}
    </button>`;
  }
}
