import { html, svg } from 'lit';
import { ConsolePage, subjectPath } from './console-page.js';
import { formatDay, formatTime } from './messages.js';

const KINDS = /** @type {const} */ (['granted', 'denied', 'withdrawn']);
const BAR = 14;
const LABEL = 130;
const WIDTH = 520;

/**
 * The filters of the overview and export pages: a plain GET form, so that the filtered page
 * has its own address.
 *
 * @param {import('./console-page.js').ConsolePage} page
 * @param {{ from: string | null, to: string | null, site: string | null, sites: string[] }} current
 * @param {unknown} [extra] more fields, before the button
 * @param {{ action?: string, button?: string }} [form]
 */
export function filterForm(page, current, extra, { action = '', button = page.t.apply } = {}) {
  const { t } = page;
  return html`<form class="filters" method="get" action=${action} aria-label=${t.filters}>
    <p>
      <label for="from">${t.from}</label>
      <input id="from" name="from" type="date" .value=${current.from ?? ''}
        @input=${(/** @type {InputEvent} */ event) => ((/** @type {HTMLInputElement} */ (page.querySelector('#to'))).min = /** @type {HTMLInputElement} */ (event.target).value)}>
    </p>
    <p><label for="to">${t.to}</label> <input id="to" name="to" type="date" min=${current.from ?? ''} .value=${current.to ?? ''}></p>
    <p>
      <label for="site">${t.site}</label>
      <select id="site" name="site">
        <option value="" ?selected=${!current.site}>${t.allSites}</option>
        ${current.sites.map((site) => html`<option ?selected=${site === current.site}>${site}</option>`)}
      </select>
    </p>
    ${extra}
    <p><button>${button}</button></p>
  </form>`;
}

/**
 * The overview: receipts per day, granted, denied and withdrawn per category and purpose
 * (a chart and the same figures as a table), chain gaps, and the retention.
 */
export class OverviewPage extends ConsolePage {
  get heading() {
    return this.t.overview;
  }

  load() {
    return this.api(`/admin/api/overview${location.search}`);
  }

  /** @param {any} data */
  renderData(data) {
    const { t } = this;
    return html`${filterForm(this, data)}
      <dl class="figures">
        <div><dt>${t.receiptsInRange}</dt><dd data-figure="total">${data.total.toLocaleString(this.lang)}</dd></div>
        <div><dt>${t.storedTotal}</dt><dd data-figure="stored">${data.stored.toLocaleString(this.lang)}</dd></div>
        <div><dt>${t.erasedTotal}</dt><dd data-figure="erased">${data.erased.toLocaleString(this.lang)}</dd></div>
        <div><dt>${t.retention}</dt><dd>${data.retentionDays === null ? t.keepForever : t.retentionDays(data.retentionDays, formatTime(this.lang, data.nextPurge))}</dd></div>
      </dl>
      <section aria-labelledby="per-choice">
        <h2 id="per-choice">${t.perChoice}</h2>
        ${data.choices.length === 0 ? html`<p>${t.none}</p>` : html`<div class="chart-and-table">${this.chart(data.choices)}${this.choiceTable(data.choices)}</div>`}
      </section>
      <section aria-labelledby="per-day">
        <h2 id="per-day">${t.perDay}</h2>
        ${data.days.length === 0
          ? html`<p>${t.none}</p>`
          : html`<table id="days">
              <thead><tr><th scope="col">${t.day}</th><th scope="col" class="number">${t.count}</th></tr></thead>
              <tbody>${data.days.map((/** @type {any} */ row) => html`<tr><th scope="row">${formatDay(this.lang, row.day)}</th><td class="number">${row.count.toLocaleString(this.lang)}</td></tr>`)}</tbody>
            </table>`}
      </section>
      <section aria-labelledby="gaps">
        <h2 id="gaps">${t.gaps}</h2>
        <p>${t.gapsLead}</p>
        ${data.gaps.gaps.length === 0
          ? html`<p>${t.noGaps}</p>`
          : html`<table id="gap-list">
              <thead><tr><th scope="col">${t.subject}</th><th scope="col">${t.receipt}</th><th scope="col">${t.time}</th></tr></thead>
              <tbody>${data.gaps.gaps.map(
                (/** @type {any} */ gap) => html`<tr><td><a href=${subjectPath(gap.subject)}>${gap.subject}</a></td><td class="mono">${gap.id}</td><td>${formatTime(this.lang, gap.time)}</td></tr>`,
              )}</tbody>
            </table>
            ${data.gaps.truncated ? html`<p>${t.gapsTruncated}</p>` : ''}`}
      </section>`;
  }

  /**
   * Horizontal bars, three a category or purpose, each with its figure written beside it
   * (so that colour is never the only cue), in plain SVG.
   * @param {{ choice: string, granted: number, denied: number, withdrawn: number }[]} choices
   */
  chart(choices) {
    const { t } = this;
    const max = Math.max(1, ...choices.flatMap((row) => KINDS.map((kind) => row[kind])));
    const group = BAR * KINDS.length + BAR;
    // The legend goes below the bars, one line a kind.
    const height = choices.length * group + (KINDS.length + 1) * BAR;
    const scale = (/** @type {number} */ n) => (n / max) * (WIDTH - LABEL - 60);
    return html`<figure class="chart">
      <svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="chart-caption">
        ${choices.map(
          (row, i) => svg`<g transform="translate(0 ${i * group})">
            <text x="0" y=${BAR * 2} class="label">${row.choice}</text>
            ${KINDS.map(
              (kind, k) => svg`<rect x=${LABEL} y=${k * BAR} width=${Math.max(scale(row[kind]), 1)} height=${BAR - 2} class="bar ${kind}"></rect>
                <text x=${LABEL + scale(row[kind]) + 6} y=${k * BAR + BAR - 4} class="value">${row[kind]}</text>`,
            )}
          </g>`,
        )}
        ${KINDS.map(
          (kind, k) => svg`<g transform="translate(${LABEL} ${choices.length * group + k * BAR})">
            <rect width=${BAR - 2} height=${BAR - 2} class="bar ${kind}"></rect><text x=${BAR + 4} y=${BAR - 3} class="value">${t[kind]}</text></g>`,
        )}
      </svg>
      <figcaption id="chart-caption">${t.chartLabel}</figcaption>
    </figure>`;
  }

  /** @param {{ choice: string, granted: number, denied: number, withdrawn: number }[]} choices */
  choiceTable(choices) {
    const { t } = this;
    return html`<table id="choices">
      <thead><tr><th scope="col">${t.choice}</th>${KINDS.map((kind) => html`<th scope="col" class="number">${t[kind]}</th>`)}</tr></thead>
      <tbody>${choices.map((row) => html`<tr><th scope="row">${row.choice}</th>${KINDS.map((kind) => html`<td class="number" data-kind=${kind}>${row[kind].toLocaleString(this.lang)}</td>`)}</tr>`)}</tbody>
    </table>`;
  }
}
