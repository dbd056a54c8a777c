import { expect } from '@open-wc/testing';
import { createDecisionState } from '../../src/core/decision-state.js';
import { resolveConfig } from '../../src/core/resolve-config.js';
import { testConfig } from './helpers.js';

describe('decision state', () => {
  it('counts a category as decided only by its own choice, never by a name every object has', () => {
    // Bypasses the config check, which refuses such an id: the state must hold on its own.
    const config = resolveConfig(testConfig({ categories: [{ id: 'constructor', title: 'x' }, { id: 'tostring', title: 'y' }] }));
    const state = createDecisionState(config, false);
    state.replace({ version: '2565-06-01', time: new Date(), choices: { tostring: true }, receiptId: 'r' });
    expect(state.decided()).to.equal(false);
    expect(state.get('constructor')).to.equal(undefined);
    expect(state.snapshot('th', undefined).choices).to.deep.equal({ tostring: true });
  });

  it('hands out frozen snapshots, one per change, shared by every reader', () => {
    const state = createDecisionState(resolveConfig(testConfig()), false);
    const snapshot = state.snapshot('th', { id: 'n', version: '1' });
    expect(Object.isFrozen(snapshot) && Object.isFrozen(snapshot.choices) && Object.isFrozen(snapshot.notice)).to.equal(true);
    expect(() => ((snapshot.choices as Record<string, boolean>).analytics = true)).to.throw(TypeError);
  });
});
