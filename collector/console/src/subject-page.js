import { html } from 'lit';
import { ConsolePage, subjectPath } from './console-page.js';
import { formatTime } from './messages.js';

/** The subject in the page's address, `/admin/subjects/<subject>[/…]`. */
export const subjectOfPage = () => decodeURIComponent(location.pathname.split('/')[3] ?? '');

const FORMATS = [
  ['json', 'JSON'],
  ['csv', 'CSV'],
  ['kantara', 'Kantara CR 1.1'],
  ['iso27560', 'ISO/IEC TS 27560'],
];

/**
 * @param {any} t the page's messages
 * @param {{ complete: boolean, gaps: unknown[], forks: unknown[], count: number }} chain
 */
export function chainStatus(t, chain) {
  const parts = [];
  if (chain.complete && chain.forks.length === 0) parts.push(t.chainComplete);
  if (!chain.complete) parts.push(t.chainGaps(chain.gaps.length));
  if (chain.forks.length > 0) parts.push(t.chainForks(chain.forks.length));
  return parts.join(', ');
}

/**
 * @param {any} t
 * @param {string | string[] | undefined} actor
 */
export const actorText = (t, actor) => [actor ?? 'self'].flat().map((a) => t.actors[a] ?? a).join(' + ');

/**
 * @param {any} t
 * @param {Record<string, boolean>} choices
 */
export const choicesList = (t, choices) =>
  html`<ul class="choices">${Object.entries(choices).map(([id, granted]) => html`<li><span class="mono">${id}</span>: ${granted ? t.granted : t.denied}</li>`)}</ul>`;

/**
 * A data subject's page: their receipts oldest first, the chain status, downloads, the
 * printable answer to an access request, and erasure behind a confirmation.
 */
export class SubjectPage extends ConsolePage {
  static properties = { ...ConsolePage.properties, notice: { state: true }, eraseError: { state: true } };

  constructor() {
    super();
    this.subject = subjectOfPage();
    /** @type {string | undefined} */
    this.notice = undefined;
    /** @type {string | undefined} */
    this.eraseError = undefined;
  }

  get heading() {
    return `${this.t.subject}: ${this.subject}`;
  }

  load() {
    return this.api(`/admin/api/subjects/${encodeURIComponent(this.subject)}`);
  }

  /** @param {any} data */
  renderData(data) {
    const { t } = this;
    const download = `/admin/api/subjects/${encodeURIComponent(this.subject)}/download?format=`;
    return html`<p role="status" tabindex="-1" id="erase-status">${this.notice ?? ''}</p>
      <dl class="figures">
        <div><dt>${t.receipts}</dt><dd data-figure="receipts">${data.receipts.length}</dd></div>
        <div><dt>${t.chain}</dt><dd data-figure="chain">${chainStatus(t, data.chain)}</dd></div>
      </dl>
      <section aria-labelledby="downloads">
        <h2 id="downloads">${t.downloads}</h2>
        <ul class="links">
          ${FORMATS.map(([format, name]) => html`<li><a href=${download + format} download>${name}</a></li>`)}
          <li><a href=${`${subjectPath(this.subject)}/access-request`}>${t.accessRequest}</a></li>
        </ul>
      </section>
      <section aria-labelledby="receipts">
        <h2 id="receipts">${t.receipts}</h2>
        ${data.receipts.length === 0
          ? html`<p>${t.noReceipts}</p>`
          : html`<table id="receipt-list">
              <thead><tr><th scope="col">${t.time}</th><th scope="col">${t.method}</th><th scope="col">${t.actor}</th><th scope="col">${t.choices}</th><th scope="col">${t.notice}</th><th scope="col">${t.receipt}</th><th scope="col">${t.integrity}</th>${data.signatures ? html`<th scope="col">${t.countersignature}</th>` : ''}</tr></thead>
              <tbody>${data.receipts.map(
                (/** @type {any} */ r, /** @type {number} */ i) => html`<tr>
                  <td>${formatTime(this.lang, r.time)}</td><td>${t.methods[r.method] ?? r.method}</td><td>${actorText(t, r.actor)}</td>
                  <td>${choicesList(t, r.choices)}</td><td>${r.notice.version}</td><td class="mono">${r.id}</td>
                  <td class=${data.intact[i] ? '' : 'error'}>${data.intact[i] ? t.intact : t.altered}</td>
                  ${data.signatures ? html`<td>${data.signatures[i] ? html`${t.signedWith} <span class="mono">${data.signatures[i].kid}</span>` : t.notSigned}</td>` : ''}
                </tr>`,
              )}</tbody>
            </table>`}
      </section>
      ${data.tombstones.length === 0 ? '' : this.tombstones(data.tombstones)}
      ${data.receipts.length === 0 ? '' : this.erasure(data.receipts.length)}`;
  }

  /** @param {any[]} tombstones */
  tombstones(tombstones) {
    const { t } = this;
    return html`<section aria-labelledby="tombstones">
      <h2 id="tombstones">${t.tombstones}</h2>
      <table id="tombstone-list">
        <thead><tr><th scope="col">${t.receipt}</th><th scope="col">${t.hash}</th><th scope="col">${t.erasedAt}</th><th scope="col">${t.reason}</th><th scope="col">${t.erasedBy}</th></tr></thead>
        <tbody>${tombstones.map(
          (stone) => html`<tr><td class="mono">${stone.id}</td><td class="mono hash">${stone.hash}</td><td>${formatTime(this.lang, stone.erasedAt)}</td><td>${stone.reason}</td><td>${stone.erasedBy === '#token' ? t.tokenUser : stone.erasedBy}</td></tr>`,
        )}</tbody>
      </table>
    </section>`;
  }

  /** @param {number} count */
  erasure(count) {
    const { t } = this;
    return html`<section aria-labelledby="erase" class="danger">
      <h2 id="erase">${t.erase}</h2>
      <p>${t.eraseLead}</p>
      <form @submit=${this.askToErase}>
        <p><label for="reason">${t.eraseReason}</label><br><textarea id="reason" name="reason" required maxlength="500" rows="2"></textarea></p>
        <p><button class="danger">${t.eraseButton}</button></p>
      </form>
      <dialog aria-labelledby="confirm-title" @close=${() => (this.eraseError = undefined)}>
        <form @submit=${this.erase}>
          <h2 id="confirm-title">${t.confirmTitle}</h2>
          <p>${t.confirmLead(count)}</p>
          <p class="mono">${this.subject}</p>
          <p><label for="confirm">${t.subjectId}</label><br><input id="confirm" name="confirm" required autocomplete="off"></p>
          ${this.eraseError ? html`<p class="error" role="alert">${this.eraseError}</p>` : ''}
          <p class="actions"><button type="button" @click=${() => this.querySelector('dialog')?.close()}>${t.cancel}</button> <button class="danger">${t.confirmErase}</button></p>
        </form>
      </dialog>
    </section>`;
  }

  /** @param {SubmitEvent} event */
  askToErase(event) {
    event.preventDefault();
    /** @type {HTMLDialogElement} */ (this.querySelector('dialog')).showModal();
  }

  /** @param {SubmitEvent} event */
  async erase(event) {
    event.preventDefault();
    const form = /** @type {HTMLFormElement} */ (event.currentTarget);
    const reason = /** @type {HTMLTextAreaElement} */ (this.querySelector('#reason')).value;
    try {
      const result = await this.api(`/admin/api/subjects/${encodeURIComponent(this.subject)}/erase`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason, confirm: new FormData(form).get('confirm') }),
      });
      /** @type {HTMLDialogElement} */ (this.querySelector('dialog')).close();
      this.notice = this.t.erased(result.erased);
      await this.reload();
      await this.updateComplete;
      // The erase button is gone with the receipts: focus goes to what happened.
      /** @type {HTMLElement} */ (this.querySelector('#erase-status')).focus();
    } catch (error) {
      this.eraseError = /** @type {Error} */ (error).message;
    }
  }
}
