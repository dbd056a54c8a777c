import { html } from 'lit';
import { ConsolePage, subjectPath } from './console-page.js';
import { formatTime } from './messages.js';

/** The audit log, newest first, a hundred entries at a time; read-only. */
export class AuditPage extends ConsolePage {
  get heading() {
    return this.t.audit;
  }

  load() {
    return this.api('/admin/api/audit');
  }

  async older() {
    const page = await this.api(`/admin/api/audit?before=${this.data.next}`);
    this.data = { entries: [...this.data.entries, ...page.entries], next: page.next };
  }

  /** @param {any} data */
  renderData(data) {
    const { t } = this;
    return html`<p>${t.auditLead}</p>
      <p><a href="/admin/api/audit/export" download>${t.auditExport}</a></p>
      <table id="audit-list">
        <thead><tr><th scope="col">${t.time}</th><th scope="col">${t.user}</th><th scope="col">${t.action}</th><th scope="col">${t.subject}</th><th scope="col">${t.detail}</th></tr></thead>
        <tbody>${data.entries.map(
          (/** @type {any} */ e) => html`<tr>
            <td>${formatTime(this.lang, e.time)}</td>
            <td>${e.user === '#token' ? t.tokenUser : e.user}</td>
            <td>${t.actions[e.action] ?? e.action}</td>
            <td>${e.subject === null ? '' : html`<a href=${subjectPath(e.subject)}>${e.subject}</a>`}</td>
            <td>${Object.entries(e.detail).filter(([, value]) => value !== null).map(([key, value]) => `${t.details[key] ?? key}: ${value}`).join('; ')}</td>
          </tr>`,
        )}</tbody>
      </table>
      ${data.next === null ? '' : html`<p><button @click=${this.older}>${t.older}</button></p>`}`;
  }
}
