import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defaultConsent, isDefaultConsent, onDefaultConsentChange } from '../../core/instance.js';
import type { ConsentApi, Receipt, View } from '../../core/types.js';
import { useLanguage } from '../../i18n/localization.js';
import { YinyomDecisionEvent, YinyomErrorEvent } from '../events.js';

/** An element that renders consent state. */
export interface ConsentHost extends ReactiveControllerHost, HTMLElement {
  /** The API set on the element; without it, the page's default instance. */
  readonly consent?: ConsentApi;
  /** Called after each change of state or language, once the strings are ready to render. */
  consentChanged?(api: ConsentApi): void;
  /** Called after each sync of the receipt outbox; the host subscribes to sync only if it has this. */
  syncChanged?(): void;
}

/**
 * Connects an element to the consent core: resolves the API (the element's `consent`
 * property, else `defaultConsent()`), subscribes to its `change` (and `sync`) events while
 * the element is connected, switches the UI strings to the core's language and re-renders.
 * It records the element's decisions and opens the views it links to.
 */
export class ConsentController implements ReactiveController {
  /** The API once resolved. */
  api?: ConsentApi;
  /** Why the last decision could not be recorded; the host shows it until the next one. */
  error: unknown;
  /** A decision is being recorded: further ones are ignored until it settles. */
  #busy = false;
  #off?: () => void;
  #run = 0;

  constructor(private readonly host: ConsentHost) {
    host.addController(this);
  }

  hostConnected(): void {
    void this.attach();
  }

  hostDisconnected(): void {
    this.#run++;
    this.#off?.();
    this.#off = undefined;
  }

  /** Resolves to the API as soon as it is known. */
  ready(): Promise<ConsentApi> {
    return Promise.resolve(this.api ?? this.host.consent ?? defaultConsent());
  }

  /**
   * (Re)subscribes to the host's API; called again when `consent` changes. An element on the
   * page's default instance follows it when another instance becomes the default.
   */
  async attach(): Promise<ConsentApi | undefined> {
    const run = ++this.#run;
    this.#off?.();
    this.#off = undefined;
    this.api = undefined;
    const api = this.host.consent ?? (await defaultConsent());
    // Disconnected or re-attached while waiting for the default instance.
    if (run !== this.#run) return;
    // Stopped or replaced between its registration and now, as under React's StrictMode, which
    // makes, stops and makes again an instance in one go: wait for the one that stays.
    if (!this.host.consent && !isDefaultConsent(api)) return this.attach();
    this.api = api;
    const offs = [api.on('change', () => this.#changed(api))];
    if (!this.host.consent) offs.push(onDefaultConsentChange(() => void this.attach()));
    if (this.host.syncChanged) offs.push(api.on('sync', () => this.host.syncChanged!()));
    this.#off = () => offs.forEach((off) => off());
    this.#changed(api);
    return api;
  }

  /**
   * Records a decision through `decide`, once at a time; fires `yinyom-decision` with the stored
   * receipt on the host, or `yinyom-error`, and re-renders the host as the decision starts and
   * settles (the error shows, or goes).
   */
  async record(decide: (api: ConsentApi) => Promise<Receipt>): Promise<Receipt | undefined> {
    const api = await this.ready();
    if (this.#busy) return;
    this.#busy = true;
    this.error = undefined;
    this.host.requestUpdate();
    try {
      const receipt = await decide(api);
      this.host.dispatchEvent(new YinyomDecisionEvent({ receipt }));
      return receipt;
    } catch (error) {
      console.error('[yinyom]', error);
      this.error = error;
      this.host.dispatchEvent(new YinyomErrorEvent({ error }));
    } finally {
      this.#busy = false;
      this.host.requestUpdate();
    }
  }

  /** Opens a view (the preferences, the notice) through the consent API. */
  showView(view: View): void {
    this.ready()
      .then((api) => api.show(view))
      .catch((error) => console.error('[yinyom]', error));
  }

  #changed(api: ConsentApi): void {
    useLanguage(api.language());
    this.host.requestUpdate();
    this.host.consentChanged?.(api);
  }
}
