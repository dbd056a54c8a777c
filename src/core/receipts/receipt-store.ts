import { promisifyRequest } from 'idb-keyval';
import type { Receipt } from '../types.js';

/**
 * Keys of the one object store. idb-keyval opens one object store per database, and a
 * receipt, its outbox entry and the chain head must be written in one transaction, so
 * they share a store and differ by prefix. This one holds the chain `Head`.
 */
export const HEAD = 'head';
/** Until when (ms since the epoch) a server's `Retry-After` forbids sending. */
export const RETRY_AT = 'retry-at';
/** A receipt, as `Stored`. */
export const receiptKey = (id: string) => `r:${id}`;
/** An outbox entry: the receipt is not yet acknowledged. */
export const outboxKey = (id: string) => `o:${id}`;
/** A dead letter: the receipt was refused; the value is the server's error. */
export const deadKey = (id: string) => `d:${id}`;
/** The collector's countersignature of a receipt (`ReceiptSignature`). */
export const signatureKey = (id: string) => `s:${id}`;

/** The newest receipt of this browser: what the next one chains to. */
export interface Head {
  /** Sequence number of the newest receipt (1 for the first). */
  n: number;
  id: string;
  hash: string;
  /** The random per-browser subject, kept even when the host gives one. */
  subject: string;
}

/** A receipt with its position in this browser's chain. */
export interface Stored {
  n: number;
  receipt: Receipt;
}

/** Only write when the value at `key` has this `hash` (`null`: when it is absent). */
export interface Guard {
  key: string;
  hash: string | null;
}

/** The little storage the receipt book needs; IndexedDB, or memory when that fails. */
export interface ReceiptStore {
  get<T>(key: string): Promise<T | undefined>;
  /** The values at `keys`, read in one transaction; absent keys are left out. */
  getMany(keys: string[]): Promise<Map<string, unknown>>;
  /** Every entry whose key starts with `prefix` (a key range: nothing else is read). */
  range(prefix: string): Promise<Map<string, unknown>>;
  /** How many keys start with `prefix`, without reading their values. */
  count(prefix: string): Promise<number>;
  all(): Promise<Map<string, unknown>>;
  /** Deletes `dels` and puts `puts` in one transaction; resolves `false`, writing nothing, when `guard` fails. */
  write(puts: Array<[string, unknown]>, dels?: string[], guard?: Guard): Promise<boolean>;
  close(): void;
}

const OBJECT_STORE = 'receipts';

/** The keys that start with `prefix`: every string key sorts between these two. */
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
const startsWith = (prefix: string) => (key: string) => key.startsWith(prefix);

const guardHolds = (value: unknown, guard: Guard) => ((value as { hash?: string } | undefined)?.hash ?? null) === guard.hash;

/** Keys and values of `store` within `range` (all of it without one), in one transaction. */
async function readAll(store: IDBObjectStore, range?: IDBKeyRange): Promise<Map<string, unknown>> {
  const [keys, values] = await Promise.all([promisifyRequest(store.getAllKeys(range)), promisifyRequest(store.getAll(range))]);
  return new Map(keys.map((key, i) => [String(key), values[i]]));
}

/** The receipt store in IndexedDB database `name`, through idb-keyval's request helper. */
export function idbStore(name: string): ReceiptStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () =>
    (db ??= new Promise<IDBDatabase>((resolve, reject) => {
      // Inside the executor, so that an `indexedDB.open` that throws (opaque origins, some
      // private modes) rejects like any other failure.
      const request = indexedDB.open(name);
      request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE);
      promisifyRequest(request).then(resolve, reject);
    }).then(
      (connection) => {
        // Let another tab upgrade or delete the database instead of blocking it; and browsers
        // close connections themselves (storage cleared): reopen on the next call.
        connection.onversionchange = () => {
          connection.close();
          db = undefined;
        };
        connection.onclose = () => (db = undefined);
        return connection;
      },
      (error) => {
        db = undefined;
        throw error;
      },
    ));

  async function use<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => Promise<T>, durability?: IDBTransactionDurability): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const connection = await open();
      let tx: IDBTransaction;
      try {
        tx = connection.transaction(OBJECT_STORE, mode, { durability });
      } catch (error) {
        // The connection was closed under us (versionchange): reopen once.
        if (attempt || (error as Error).name !== 'InvalidStateError') throw error;
        db = undefined;
        continue;
      }
      return fn(tx.objectStore(OBJECT_STORE));
    }
  }

  return {
    get: <T>(key: string) => use('readonly', (store) => promisifyRequest<T | undefined>(store.get(key))),
    getMany: (keys) =>
      use('readonly', async (store) => {
        const values = await Promise.all(keys.map((key) => promisifyRequest(store.get(key))));
        return new Map(keys.flatMap((key, i) => (values[i] === undefined ? [] : [[key, values[i]]])));
      }),
    range: (prefix) => use('readonly', (store) => readAll(store, prefixRange(prefix))),
    count: (prefix) => use('readonly', (store) => promisifyRequest(store.count(prefixRange(prefix)))),
    all: () => use('readonly', (store) => readAll(store)),
    // Strict durability: the receipt must survive a crash once `record()` has resolved.
    write: (puts, dels = [], guard) =>
      use(
        'readwrite',
        (store) =>
          new Promise<boolean>((resolve, reject) => {
            const apply = () => {
              try {
                for (const key of dels) store.delete(key);
                for (const [key, value] of puts) store.put(value, key);
              } catch (error) {
                store.transaction.abort();
                return reject(error);
              }
              promisifyRequest(store.transaction).then(() => resolve(true), reject);
            };
            if (!guard) return apply();
            const request = store.get(guard.key);
            request.onsuccess = () => (guardHolds(request.result, guard) ? apply() : resolve(false));
            request.onerror = () => reject(request.error);
          }),
        'strict',
      ),
    close() {
      void db?.then((connection) => connection.close(), () => {});
      db = undefined;
    },
  };
}

/** A store in this page's memory, handing out copies as IndexedDB does. */
export function memoryStore(seed?: Map<string, unknown>): ReceiptStore {
  const data = new Map(seed);
  const matching = (keep: (key: string) => boolean) => structuredClone(new Map([...data].filter(([key]) => keep(key))));
  return {
    get: async (key) => structuredClone(data.get(key)) as never,
    getMany: async (keys) => matching((key) => keys.includes(key)),
    range: async (prefix) => matching(startsWith(prefix)),
    count: async (prefix) => [...data.keys()].filter(startsWith(prefix)).length,
    all: async () => structuredClone(data),
    write: async (puts, dels = [], guard) => {
      if (guard && !guardHolds(data.get(guard.key), guard)) return false;
      for (const key of dels) data.delete(key);
      for (const [key, value] of puts) data.set(key, structuredClone(value));
      return true;
    },
    close() {},
  };
}

/**
 * IndexedDB database `name`, or, from the first time it fails (unavailable, blocked, quota),
 * memory for the rest of the page's life, seeded with everything read or written so far so
 * that the chain and the outbox carry on. `onFallback` is called once, with the error.
 */
export function fallbackStore(name: string, onFallback: (error: unknown) => void): ReceiptStore {
  const known = new Map<string, unknown>();
  let idb: ReceiptStore | undefined = idbStore(name);
  let memory: ReceiptStore | undefined;

  const learnEach = (found: Map<string, unknown>) => found.forEach((value, key) => known.set(key, value));

  async function run<T>(op: (store: ReceiptStore) => Promise<T>, learn: (result: T) => void): Promise<T> {
    const current = idb;
    if (current) {
      try {
        const result = await op(current);
        learn(result);
        return result;
      } catch (error) {
        if (idb === current) {
          idb = undefined;
          current.close();
          memory = memoryStore(known);
          onFallback(error);
        }
      }
    }
    return op(memory!);
  }

  return {
    get: <T>(key: string) => run((store) => store.get<T>(key), (value) => value !== undefined && known.set(key, value)),
    getMany: (keys) => run((store) => store.getMany(keys), learnEach),
    range: (prefix) => run((store) => store.range(prefix), learnEach),
    count: (prefix) => run((store) => store.count(prefix), () => undefined),
    all: () =>
      run(
        (store) => store.all(),
        (all) => {
          known.clear();
          all.forEach((value, key) => known.set(key, value));
        },
      ),
    write: (puts, dels = [], guard) =>
      run(
        (store) => store.write(puts, dels, guard),
        (written) => {
          if (!written) return;
          for (const key of dels) known.delete(key);
          for (const [key, value] of puts) known.set(key, value);
        },
      ),
    close: () => idb?.close(),
  };
}
