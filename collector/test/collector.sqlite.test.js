// @ts-check
import { after } from 'node:test';
import { collectorSuite } from '../test-support/collector-suite.js';
import { sqliteBackend } from '../test-support/harness.js';

const backend = sqliteBackend();
after(() => backend.cleanup());
collectorSuite(backend);
