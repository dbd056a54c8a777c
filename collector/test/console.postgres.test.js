// @ts-check
// The same suite as console.sqlite.test.js, on a throwaway PostgreSQL server.
import { consoleSuite } from '../test-support/console-suite.js';
import { onTestPostgres } from '../test-support/postgres.js';

await onTestPostgres(consoleSuite);
