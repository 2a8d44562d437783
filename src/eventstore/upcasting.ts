// Event schema versions. Stored events are never rewritten: an old version is upcast step by step on read.

export type Upcaster = (data: unknown) => unknown;

export interface EventSchema {
  /** The version new events of this type are written with. */
  readonly version: number;
  /** `upcasters[v]` turns version v into version v + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

export type EventSchemas = Readonly<Record<string, EventSchema>>;

export const currentVersion = (schemas: EventSchemas, type: string): number => schemas[type]?.version ?? 1;

export const upcast = (schemas: EventSchemas, type: string, storedVersion: number, data: unknown): { version: number; data: unknown } => {
  const schema = schemas[type];
  if (!schema || storedVersion >= schema.version) return { version: storedVersion, data };
  let upcasted = data;
  for (let v = storedVersion; v < schema.version; v++) {
    const step = schema.upcasters?.[v];
    if (!step) throw new Error(`No upcaster for ${type} from schema version ${v} to ${v + 1}`);
    upcasted = step(upcasted);
  }
  return { version: schema.version, data: upcasted };
};
