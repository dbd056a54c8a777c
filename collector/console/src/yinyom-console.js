import { LitElement, html } from 'lit';
import { AccessRequestPage } from './access-request-page.js';
import { AuditPage } from './audit-page.js';
import { SIGNED_OUT, api, subjectPath } from './console-page.js';
import { ExportPage } from './export-page.js';
import { MESSAGES, documentTitle } from './messages.js';
import { OverviewPage } from './overview-page.js';
import { SubjectPage, subjectOfPage } from './subject-page.js';

/** The console's language is remembered in the browser: a preference, never a credential. */
const LANGUAGE_KEY = 'yinyom-console-language';

/** The page element for the address. */
function pageTag() {
  const path = location.pathname;
  if (path === '/admin/export') return 'yinyom-console-export';
  if (path === '/admin/audit') return 'yinyom-console-audit';
  if (path.endsWith('/access-request')) return 'yinyom-console-access-request';
  if (path.startsWith('/admin/subjects/')) return 'yinyom-console-subject';
  return 'yinyom-console-overview';
}

/**
 * The console: the sign-in form until there is a session, then the header (menu, subject
 * search, language, sign-out) and the page the address names.
 *
 * @attr sign-in - how one signs in: `token`, `users`, or both (set by the collector)
 */
export class YinyomConsole extends LitElement {
  static properties = {
    signIn: { attribute: 'sign-in' },
    lang: { state: true },
    session: { state: true },
    failure: { state: true },
  };

  constructor() {
    super();
    this.signIn = '';
    this.lang = localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'th';
    /** undefined while asking, null when signed out. @type {{ user: string } | null | undefined} */
    this.session = undefined;
    /** @type {string | undefined} */
    this.failure = undefined;
    this.addEventListener(SIGNED_OUT, () => (this.session = null));
  }

  createRenderRoot() {
    return this;
  }

  get t() {
    return MESSAGES[/** @type {'th' | 'en'} */ (this.lang)];
  }

  connectedCallback() {
    super.connectedCallback();
    api(this, '/admin/api/session').then(
      (session) => (this.session = session),
      () => (this.session = null),
    );
  }

  updated() {
    // The access request letter is in Thai whatever the console's language.
    document.documentElement.lang = this.session && pageTag() === 'yinyom-console-access-request' ? 'th' : this.lang;
    if (this.session === null) document.title = documentTitle(this.t, this.t.signIn);
  }

  switchLanguage() {
    this.lang = this.lang === 'th' ? 'en' : 'th';
    localStorage.setItem(LANGUAGE_KEY, this.lang);
  }

  render() {
    const { t } = this;
    const other = this.lang === 'th' ? 'en' : 'th';
    const languageButton = html`<button type="button" lang=${other} @click=${this.switchLanguage}>${t.switchLanguage}</button>`;
    if (this.session === undefined) return html`<main id="main"><p role="status">${t.loading}</p></main>`;
    if (this.session === null) {
      return html`<header class="bar"><span class="brand">${t.brand}</span>${languageButton}</header>
        <main id="main" class="sign-in">${this.signInForm()}</main>`;
    }
    const tag = pageTag();
    const current = (/** @type {string} */ name) => (tag === name ? 'page' : undefined);
    const user = this.session.user === '#token' ? t.tokenUser : this.session.user;
    return html`<header class="bar no-print">
        <a class="brand" href="/admin/">${t.brand}</a>
        <nav aria-label=${t.nav}>
          <ul>
            <li><a href="/admin/" aria-current=${current('yinyom-console-overview') ?? 'false'}>${t.overview}</a></li>
            <li><a href="/admin/export" aria-current=${current('yinyom-console-export') ?? 'false'}>${t.export}</a></li>
            <li><a href="/admin/audit" aria-current=${current('yinyom-console-audit') ?? 'false'}>${t.audit}</a></li>
          </ul>
        </nav>
        <form role="search" aria-label=${t.findSubject} @submit=${this.findSubject}>
          <label for="find">${t.subjectId}</label>
          <input id="find" name="subject" required .value=${tag === 'yinyom-console-subject' ? subjectOfPage() : ''}>
          <button>${t.open}</button>
        </form>
        <span class="user">${t.signedInAs}: ${user}</span>
        ${languageButton}
        <button type="button" id="sign-out" @click=${this.signOut}>${t.signOut}</button>
      </header>
      <main id="main">${this.page(tag)}</main>`;
  }

  /** @param {string} tag */
  page(tag) {
    switch (tag) {
      case 'yinyom-console-export':
        return html`<yinyom-console-export .lang=${this.lang}></yinyom-console-export>`;
      case 'yinyom-console-audit':
        return html`<yinyom-console-audit .lang=${this.lang}></yinyom-console-audit>`;
      case 'yinyom-console-access-request':
        return html`<yinyom-console-access-request></yinyom-console-access-request>`;
      case 'yinyom-console-subject':
        return html`<yinyom-console-subject .lang=${this.lang}></yinyom-console-subject>`;
      default:
        return html`<yinyom-console-overview .lang=${this.lang}></yinyom-console-overview>`;
    }
  }

  signInForm() {
    const { t } = this;
    const users = this.signIn.split(' ').includes('users');
    const token = this.signIn.split(' ').includes('token');
    const secret = users && token ? t.passwordOrToken : users ? t.password : t.adminToken;
    return html`<h1>${t.signIn}</h1>
      <p>${t.signInLead}</p>
      <form @submit=${this.submitSignIn}>
        ${users
          ? html`<p><label for="user">${token ? t.userNameOptional : t.userName}</label><br>
              <input id="user" name="user" autocomplete="username" ?required=${!token}></p>`
          : ''}
        <p><label for="password">${secret}</label><br><input id="password" name="password" type="password" autocomplete="current-password" required></p>
        ${this.failure ? html`<p class="error" role="alert">${t.signInFailed}: ${this.failure}</p>` : ''}
        <p><button>${t.signIn}</button></p>
      </form>`;
  }

  /** @param {SubmitEvent} event */
  async submitSignIn(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.currentTarget);
    const fields = new FormData(form);
    const password = /** @type {HTMLInputElement} */ (form.elements.namedItem('password'));
    try {
      this.session = await api(this, '/admin/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: fields.get('user') ?? undefined, password: fields.get('password') }),
      });
      this.failure = undefined;
      // Keyboard and screen reader users land on the page they signed in to.
      await this.updateComplete;
      const page = /** @type {import('./console-page.js').ConsolePage | null} */ (this.querySelector('main > *'));
      await page?.updateComplete;
      page?.querySelector('h1')?.focus();
    } catch (error) {
      const { status, message } = /** @type {Error & { status: number }} */ (error);
      this.failure = status === 401 ? this.t.wrongSecret : status === 429 ? this.t.tooManyTries : message;
      password.value = '';
      password.focus();
    }
  }

  async signOut() {
    await api(this, '/admin/api/session', { method: 'DELETE' });
    this.session = null;
  }

  /** @param {SubmitEvent} event */
  findSubject(event) {
    event.preventDefault();
    const subject = String(new FormData(/** @type {HTMLFormElement} */ (event.currentTarget)).get('subject')).trim();
    if (subject) location.assign(subjectPath(subject));
  }
}

for (const [tag, element] of /** @type {const} */ ([
  ['yinyom-console', YinyomConsole],
  ['yinyom-console-overview', OverviewPage],
  ['yinyom-console-subject', SubjectPage],
  ['yinyom-console-access-request', AccessRequestPage],
  ['yinyom-console-export', ExportPage],
  ['yinyom-console-audit', AuditPage],
])) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
