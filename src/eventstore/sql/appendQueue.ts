// Group commit for one process: appends that arrive while a call to od_append is in flight wait, then go
// together in the next call, each still all-or-nothing on its own. Writers serialise on the ledger lock in
// the database anyway; sharing one round trip and one WAL flush is what lets concurrent writers scale.
import type { PreparedPart } from '../prepareAppend.ts';
import type { RequestOutcome } from './appendToStream.ts';

interface Pending {
  readonly parts: readonly PreparedPart[];
  readonly resolve: (outcome: RequestOutcome) => void;
  readonly reject: (error: unknown) => void;
}

export type AppendCall = (requests: readonly (readonly PreparedPart[])[]) => Promise<RequestOutcome[]>;

export const createAppendQueue = (call: AppendCall, maxEventsPerCall = 5_000) => {
  let pending: Pending[] = [];
  let flushing = false;

  // Takes requests in arrival order that touch no stream and no event id of an earlier request in this
  // call: od_append decides every part against the ledger before the call, so two appends to one stream
  // must go in separate calls, in order. A request blocked on a stream blocks later ones on that stream.
  const takeBatch = (): Pending[] => {
    const taken: Pending[] = [];
    const kept: Pending[] = [];
    const busy = new Set<string>();
    let events = 0;
    for (const request of pending) {
      const keys = request.parts.flatMap((p) => [`s:${p.stream}`, ...p.events.map((e) => `e:${e.id}`)]);
      const size = request.parts.reduce((n, p) => n + p.events.length, 0);
      const fits = taken.length === 0 || events + size <= maxEventsPerCall;
      if (fits && !keys.some((k) => busy.has(k))) {
        taken.push(request);
        events += size;
      } else {
        kept.push(request);
      }
      for (const k of keys) busy.add(k);
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
        pending.push({ parts, resolve, reject });
        if (!flushing) void flush();
      });
    },
  };
};
