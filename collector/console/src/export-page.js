import { html } from 'lit';
import { ConsolePage } from './console-page.js';
import { filterForm } from './overview-page.js';

/**
 * The export: a date range, a site and a format. The form asks the collector for the file
 * itself, so that the browser saves the download as it streams.
 */
export class ExportPage extends ConsolePage {
  get heading() {
    return this.t.export;
  }

  /** The sites to choose from are those the overview knows. */
  async load() {
    const { sites } = await this.api('/admin/api/overview');
    return { from: null, to: null, site: null, sites };
  }

  /** @param {any} data */
  renderData(data) {
    const { t } = this;
    const formats = html`<fieldset>
      <legend>${t.format}</legend>
      <p><input type="radio" id="format-csv" name="format" value="csv" checked> <label for="format-csv">${t.csvBom}</label></p>
      <p><input type="radio" id="format-ndjson" name="format" value="ndjson"> <label for="format-ndjson">${t.ndjson}</label></p>
    </fieldset>`;
    return html`<p>${t.exportLead}</p>
      ${filterForm(this, data, formats, { action: '/admin/api/export', button: t.download })}
      <p><a id="everything" href="/admin/api/export?format=csv" download>${t.everything}</a></p>`;
  }
}
