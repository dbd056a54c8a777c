// @ts-check

/** An error that becomes an HTTP response `{"error": message}` with its status and headers. */
export class HttpError extends Error {
  /**
   * @param {number} statusCode
   * @param {string} message says what is wrong, naming the field or header
   * @param {Record<string, string>} [headers]
   */
  constructor(statusCode, message, headers = {}) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.headers = headers;
  }
}
