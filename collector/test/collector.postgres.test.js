// @ts-check
// The same suite as collector.sqlite.test.js, on a throwaway PostgreSQL server.
import { collectorSuite } from '../test-support/collector-suite.js';
import { onTestPostgres } from '../test-support/postgres.js';

await onTestPostgres(collectorSuite);
