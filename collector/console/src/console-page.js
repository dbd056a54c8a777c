import { LitElement, html } from 'lit';
import { MESSAGES, documentTitle } from './messages.js';

/** Fired (bubbling) when the collector answers 401: the session is gone, sign in again. */
export const SIGNED_OUT = 'yinyom-console-signed-out';

/**
 * The collector's JSON at `path`, with the session cookie. Throws an Error carrying the
 * collector's message; a 401 also fires {@link SIGNED_OUT} from `from`.
 *
 * @param {Element} from
 * @param {string} path
 * @param {RequestInit} [init]
 */
export async function api(from, path, init) {
  const response = await fetch(path, { credentials: 'same-origin', ...init });
  if (response.status === 204) return undefined;
  const body = await response.json();
  if (response.status === 401) from.dispatchEvent(new Event(SIGNED_OUT, { bubbles: true }));
  if (!response.ok) throw Object.assign(new Error(body.error), { status: response.status });
  return body;
}

/** `/admin/subjects/<subject>`, the page a DPO bookmarks. @param {string} subject */
export const subjectPath = (subject) => `/admin/subjects/${encodeURIComponent(subject)}`;

/**
 * A page of the console: rendered in the light DOM, so that the one style sheet, printing
 * and the page's landmarks cover it, and in the language it is given.
 */
export class ConsolePage extends LitElement {
  static properties = { lang: {}, data: { state: true }, failure: { state: true } };

  constructor() {
    super();
    this.lang = 'th';
    /** What the page shows, once loaded. @type {any} */
    this.data = undefined;
    /** @type {string | undefined} */
    this.failure = undefined;
  }

  createRenderRoot() {
    return this;
  }

  get t() {
    return MESSAGES[/** @type {'th' | 'en'} */ (this.lang)] ?? MESSAGES.th;
  }

  connectedCallback() {
    super.connectedCallback();
    this.reload();
  }

  /** Loads the page's data with {@link load}; a failure is shown in place of it. */
  async reload() {
    try {
      this.data = await this.load();
      this.failure = undefined;
    } catch (error) {
      this.failure = /** @type {Error} */ (error).message;
    }
  }

  /** @returns {Promise<unknown>} */
  async load() {
    return undefined;
  }

  /** The page's h1 and document title. @returns {string} */
  get heading() {
    return '';
  }

  updated() {
    document.title = documentTitle(this.t, this.heading);
  }

  render() {
    return html`<h1 tabindex="-1">${this.heading}</h1>
      ${this.failure !== undefined
        ? html`<p class="error" role="alert">${this.t.error}: ${this.failure}</p>`
        : this.data === undefined
          ? html`<p role="status">${this.t.loading}</p>`
          : this.renderData(this.data)}`;
  }

  /** @param {any} _data @returns {unknown} */
  renderData(_data) {
    return undefined;
  }

  /** @param {string} path @param {RequestInit} [init] */
  api(path, init) {
    return api(this, path, init);
  }
}
