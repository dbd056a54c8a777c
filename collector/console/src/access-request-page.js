import { html } from 'lit';
import { ConsolePage, subjectPath } from './console-page.js';
import { MESSAGES, formatTime } from './messages.js';
import { actorText, chainStatus, choicesList, subjectOfPage } from './subject-page.js';

/**
 * A printable answer, in Thai, to a data subject's access request under PDPA s.30: their
 * consent receipts as the collector holds them, with the chain status.
 */
export class AccessRequestPage extends ConsolePage {
  constructor() {
    super();
    this.subject = subjectOfPage();
  }

  /** Always Thai: the letter goes to the person, whatever the console's language. */
  get t() {
    return MESSAGES.th;
  }

  get heading() {
    return 'ข้อมูลความยินยอมตามคำขอเข้าถึงข้อมูลส่วนบุคคล';
  }

  load() {
    return this.api(`/admin/api/subjects/${encodeURIComponent(this.subject)}`);
  }

  /** @param {any} data */
  renderData(data) {
    const { t } = this;
    return html`<p class="no-print"><a href=${subjectPath(this.subject)}>${t.back}</a> <button @click=${() => print()}>${t.print}</button></p>
      <p>ตามที่เจ้าของข้อมูลส่วนบุคคลได้ขอเข้าถึงข้อมูลส่วนบุคคลของตนตามมาตรา 30 แห่งพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562
        หน่วยงานขอแจ้งบันทึกความยินยอม (ใบรับความยินยอม) ทั้งหมดที่ระบบเก็บไว้ของรหัสเจ้าของข้อมูลด้านล่าง ดังนี้</p>
      <dl class="letter">
        <div><dt>ผู้ควบคุมข้อมูลส่วนบุคคล</dt><dd>${[...new Set(data.receipts.map((/** @type {any} */ r) => r.controller))].join(', ')}</dd></div>
        <div><dt>รหัสเจ้าของข้อมูล</dt><dd class="mono">${this.subject}</dd></div>
        <div><dt>วันที่ออกหนังสือ</dt><dd>${formatTime('th', new Date().toISOString())} (${t.timeZone})</dd></div>
        <div><dt>จำนวนใบรับ</dt><dd>${data.receipts.length} ฉบับ</dd></div>
        <div><dt>${t.chain}</dt><dd>${chainStatus(t, data.chain)}</dd></div>
      </dl>
      ${data.receipts.length === 0
        ? html`<p>${t.noReceipts}</p>`
        : html`<table id="receipt-list">
            <thead><tr><th scope="col">ลำดับ</th><th scope="col">${t.time}</th><th scope="col">${t.method}</th><th scope="col">${t.actor}</th><th scope="col">${t.choices}</th><th scope="col">เว็บไซต์และฉบับประกาศ</th></tr></thead>
            <tbody>${data.receipts.map(
              (/** @type {any} */ r, /** @type {number} */ i) => html`<tr>
                <td>${i + 1}</td><td>${formatTime('th', r.time)}</td><td>${t.methods[r.method] ?? r.method}</td><td>${actorText(t, r.actor)}</td>
                <td>${choicesList(t, r.choices)}</td><td>${r.origin}${r.page}<br>${r.notice.id} ฉบับ ${r.notice.version}</td>
              </tr>`,
            )}</tbody>
          </table>`}
      <p>เจ้าของข้อมูลมีสิทธิถอนความยินยอมเมื่อใดก็ได้ (มาตรา 19) ขอให้ลบข้อมูล (มาตรา 33) และร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล (มาตรา 73)</p>
      <p class="signature">ลงชื่อ ............................................................<br>เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล</p>`;
  }
}
