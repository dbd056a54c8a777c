import { expect } from '@open-wc/testing';
import { get, set } from 'idb-keyval';
it('has IndexedDB', async () => { await set('k', 1); expect(await get('k')).to.equal(1); });
