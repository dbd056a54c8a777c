import type { Actor, Choices, GuardianRecord, Language, Method, Notice, Receipt, ReceiptEntry, ResolvedConfig, SyncResult, SyncListener } from '../types.js';

/** One decision, as the core hands it to the receipt book. */
export interface Decision {
  /** The whole decision after this change: every non-required category and every decided purpose. */
  choices: Choices;
  method: Method;
  actor?: Actor;
  guardian?: GuardianRecord;
  language: Language;
  /** The notice object exactly as the config gave it or its URL returned it (hashed into the receipt). */
  notice: Notice;
  gpc: boolean;
  time: Date;
  /** The `shown` hashes of the ids the decision covered. */
  shown?: Record<string, string>;
}

/**
 * Receipts and their delivery (DESIGN.md sections 6 and 10). The core loads it lazily, so
 * a returning visitor's page pays for none of it until a decision is made or the outbox
 * holds something.
 */
export interface ReceiptBook {
  /** Builds, hashes, chains and durably stores the receipt, queues it for sync, and starts a flush. */
  record(decision: Decision): Promise<Receipt>;
  /** The newest receipt on this device, to restore a decision whose cookie is gone. */
  latest(): Promise<Receipt | undefined>;
  /** Every receipt with its delivery state, newest first. */
  entries(): Promise<ReceiptEntry[]>;
  /** Flush the outbox now (unless a server's Retry-After is in force). */
  sync(): Promise<SyncResult>;
  onSync(fn: SyncListener): () => void;
  /** Stops timers and listeners and closes the database (an instance being torn down). */
  close(): void;
}

export interface ReceiptBookOptions {
  config: ResolvedConfig;
}

export type CreateReceiptBook = (options: ReceiptBookOptions) => ReceiptBook;
