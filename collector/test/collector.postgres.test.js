// @ts-check
// The same suite as collector.sqlite.test.js, on a throwaway PostgreSQL server.
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { collectorSuite } from '../test-support/collector-suite.js';
import { postgresBackend } from '../test-support/harness.js';
import { startTestPostgres } from '../test-support/postgres.js';

const started = await startTestPostgres();
const inCI = !['', '0', 'false'].includes(process.env.CI ?? '');
if ('skip' in started && inCI) {
  // CI installs PostgreSQL (.ci/run): a skip there would hide a broken backend.
  it('PostgreSQL is available in CI', () => assert.fail(`${started.skip}; CI=${process.env.CI} requires the PostgreSQL tests to run`));
} else if ('skip' in started) {
  console.log(started.skip);
  collectorSuite({ name: 'PostgreSQL', freshDatabase: async () => ({}), cleanup: async () => {} }, { skip: started.skip });
} else {
  const backend = postgresBackend(started.pg);
  after(() => backend.cleanup());
  collectorSuite(backend);
}
