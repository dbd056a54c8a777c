// @ts-check
import { after } from 'node:test';
import { consoleSuite } from '../test-support/console-suite.js';
import { sqliteBackend } from '../test-support/harness.js';

const backend = sqliteBackend();
after(() => backend.cleanup());
consoleSuite(backend);
