import { msg, uiLanguage } from '../../i18n/localization.js';
import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { ConsentApi, Language, Receipt, View } from '../../core/types.js';
import { YinyomDecisionEvent, YinyomErrorEvent } from '../events.js';
import { ConsentController } from './consent-controller.js';

/** What every Yinyom element shares: the consent API, the UI language, recording a decision. */
export class YinyomElement extends LitElement {
  static override properties: PropertyDeclarations = { busy: { state: true }, error: { state: true } };

  #consent?: ConsentApi;
  protected readonly ctl = new ConsentController(this);
  /** A decision is being recorded: further clicks are ignored until it settles. */
  protected declare busy: boolean;
  /** Why the last decision could not be recorded. */
  protected declare error: unknown;

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

  /**
   * Records a decision through `decide`, once at a time; fires `yinyom-decision` with the
   * stored receipt, or shows the error and fires `yinyom-error`.
   */
  protected async record(decide: (api: ConsentApi) => Promise<Receipt>): Promise<Receipt | undefined> {
    const api = await this.ctl.ready();
    if (this.busy) return;
    this.busy = true;
    this.error = undefined;
    try {
      const receipt = await decide(api);
      this.dispatchEvent(new YinyomDecisionEvent({ receipt }));
      return receipt;
    } catch (error) {
      console.error('[yinyom]', error);
      this.error = error;
      this.dispatchEvent(new YinyomErrorEvent({ error }));
    } finally {
      this.busy = false;
    }
  }

  /** Opens a view (the preferences, the notice) through the consent API. */
  protected showView(view: View): void {
    this.ctl
      .ready()
      .then((api) => api.show(view))
      .catch((error) => console.error('[yinyom]', error));
  }

  protected renderError() {
    return this.error
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
