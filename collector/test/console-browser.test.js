// @ts-check
// The console in real browsers, on SQLite and on a throwaway PostgreSQL.
import { after } from 'node:test';
import { consoleBrowserSuite } from '../test-support/console-browser-suite.js';
import { sqliteBackend } from '../test-support/harness.js';
import { onTestPostgres } from '../test-support/postgres.js';

const sqlite = sqliteBackend();
after(() => sqlite.cleanup());
consoleBrowserSuite(sqlite);
await onTestPostgres(consoleBrowserSuite);
