// Group commit for one process: appends that arrive while a call to od_append is in flight wait, then go
// together in the next call, each still all-or-nothing on its own. Writers serialise on the ledger lock in
// the database anyway; sharing one round trip and one WAL flush is what lets concurrent writers scale.
// (Measured: a second call in flight only halves the batches and waits on the lock; one is faster.)
import type { PreparedPart } from '../prepareAppend.ts';
import type { RequestOutcome } from './appendToStream.ts';

interface Pending {
  readonly parts: readonly PreparedPart[];
  readonly size: number;
  readonly resolve: (outcome: RequestOutcome) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendCall = (requests: readonly (readonly PreparedPart[])[]) => Promise<RequestOutcome[]>;

export const createAppendQueue = (call: AppendCall, maxEventsPerCall = 5_000) => {
  let pending: Pending[] = [];
  let flushing = false;

  // Takes requests in arrival order that share no stream and no event id with an earlier one in this call:
  // od_append decides each part against the ledger as it was before the call, so two appends to one stream
  // go in separate calls, in order. A request that must wait blocks later ones on its streams.
  const takeBatch = (): Pending[] => {
    if (pending.length === 1) {
      // One writer appending as it goes: nothing to share the call with.
      const only = pending;
      pending = [];
      return only;
    }
    const taken: Pending[] = [];
    const kept: Pending[] = [];
    const streams = new Set<string>();
    const ids = new Set<string>();
    let events = 0;
    for (const request of pending) {
      const fits = taken.length === 0 || events + request.size <= maxEventsPerCall;
      const clear = request.parts.every((p) => !streams.has(p.stream) && p.events.every((e) => !ids.has(e.id)));
      if (fits && clear) {
        taken.push(request);
        events += request.size;
        for (const part of request.parts) for (const e of part.events) ids.add(e.id);
      } else {
        kept.push(request);
      }
      for (const part of request.parts) streams.add(part.stream);
    }
    pending = kept;
    return taken;
  };

  const flush = async (): Promise<void> => {
    flushing = true;
    try {
      while (pending.length > 0) {
        const batch = takeBatch();
        try {
          const outcomes = await call(batch.map((p) => p.parts));
          batch.forEach((p, i) => p.resolve(outcomes[i]!));
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      flushing = false;
    }
  };

  return {
    enqueue(parts: readonly PreparedPart[]): Promise<RequestOutcome> {
      return new Promise<RequestOutcome>((resolve, reject) => {
        let size = 0;
        for (const part of parts) size += part.events.length;
        pending.push({ parts, size, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
};
