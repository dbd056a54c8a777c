// @ts-check
// The same suite as collector.sqlite.test.js, on a throwaway PostgreSQL server.
import { after } from 'node:test';
import { collectorSuite } from '../test-support/collector-suite.js';
import { postgresBackend } from '../test-support/harness.js';
import { startTestPostgres } from '../test-support/postgres.js';

const started = await startTestPostgres();
if ('skip' in started) {
  console.log(started.skip);
  collectorSuite({ name: 'PostgreSQL', freshDatabase: async () => ({}), cleanup: async () => {} }, { skip: started.skip });
} else {
  const backend = postgresBackend(started.pg);
  after(() => backend.cleanup());
  collectorSuite(backend);
}
