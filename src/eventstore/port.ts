// The EventStore port: what the rest of OpenDimos may ask of an event store, whatever its backend.
// Adapters (PostgreSQL, PGlite, EventStoreDB) live beside it and depend on it, never the reverse.

/** Where an append expects the stream to be. A number is the revision of the stream's last event (0-based). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** Who and why, kept apart from the event's data. `recordedAt` is set by the store when it appends. */
export interface EventMetadata {
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly actor?: string;
  readonly importId?: string;
  readonly recordedAt: string;
}

export type MetadataInput = Omit<EventMetadata, 'recordedAt'>;

export interface EventToAppend<Data = unknown> {
  /** UUID; when absent the store gives a fresh UUID v7. Deterministic ids make retried writes converge. */
  readonly id?: string;
  readonly type: string;
  readonly data: Data;
  /** Schema version of `data`; defaults to the current version known to the store's upcasters, else 1. */
  readonly schemaVersion?: number;
  readonly metadata?: MetadataInput;
}

export interface RecordedEvent<Data = unknown> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  /** Position in the one global order of the ledger; strictly increasing, never reused. */
  readonly position: number;
  readonly type: string;
  /** The version of `data` after upcasting (the current one); `storedSchemaVersion` is what was written. */
  readonly schemaVersion: number;
  readonly storedSchemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** SHA-256 (hex) over this event and the previous event's hash in global order. */
  readonly hash: string;
}

/** What a read model needs of an event: where it stands in the log, its id, type and (upcast) data. */
export type ProjectedEvent<Data = unknown> = Pick<RecordedEvent<Data>, 'position' | 'id' | 'type' | 'data'>;

export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  readonly stream: string;
  /** The stream's revision after the append (-1 for a stream that still has no events). */
  readonly revision: number;
  /** Positions of the appended events; null when nothing new was written. */
  readonly firstPosition: number | null;
  readonly lastPosition: number | null;
  /** True when every event id was already in the stream: the append was a no-op. */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or the last (backwards) event. */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. 0 (the default) reads from the beginning. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: the position of the last event already handled (0 = from the beginning). */
  readonly fromPosition?: number;
  readonly batchSize?: number;
  /** Called with each batch, in global order; the next batch waits until it resolves. */
  readonly onEvents: (events: readonly RecordedEvent[]) => Promise<void>;
  /** Called once when the subscription stops because of an error (the handler's or the store's). */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Position of the last event handed to `onEvents` and resolved. */
  readonly position: number;
  /** Resolves the first time the subscription has delivered everything committed when it looked. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

export type VerifyReport =
  | { readonly ok: true; readonly events: number; readonly lastPosition: number; readonly headHash: string }
  | {
      readonly ok: false;
      readonly events: number;
      /** The first broken link: the position where the chain no longer holds, and why. */
      readonly brokenAt: number;
      readonly reason: string;
    };

export interface EventStore {
  readonly backend: 'postgresql' | 'pglite' | 'eventstoredb';
  append(stream: string, events: readonly EventToAppend[], options?: { expectedRevision?: ExpectedRevision }): Promise<AppendResult>;
  /** Appends to several streams as one unit: all or nothing. A stream may appear once per call. */
  appendMany(appends: readonly StreamAppend[]): Promise<AppendResult[]>;
  /**
   * Appends a long sequence of batches (a large import) as one unit without holding it all in memory:
   * PostgreSQL and PGlite use one transaction; EventStoreDB, which has no multi-stream transaction,
   * converges on retry through deterministic event ids. `onAppended` hears each batch's results before the
   * next batch is asked for, inside the unit (PostgreSQL, PGlite): the producer may still shape what
   * follows from what was written. EventStoreDB, which writes once at the end, never calls it.
   */
  appendBatches(batches: AsyncIterable<readonly StreamAppend[]>, onAppended?: (results: readonly AppendResult[]) => void): Promise<AppendResult[]>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Which of these streams hold events: an import of many new streams asks once, not once a stream. */
  existingStreams(streams: readonly string[]): Promise<ReadonlySet<string>>;
  /**
   * Several whole streams in one read, each in revision order (a statement's debts, a chunk of credits at a
   * time, instead of a read a debt): a stream with no events is absent from the answer.
   */
  readStreams(streams: readonly string[]): Promise<ReadonlyMap<string, readonly RecordedEvent[]>>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the newest event (0 for an empty ledger). */
  headPosition(): Promise<number>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  verify(options?: { batchSize?: number }): Promise<VerifyReport>;
  close(): Promise<void>;
}
