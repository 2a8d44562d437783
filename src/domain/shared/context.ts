// What a context brings to the domain layer: its name and the schema version of each of its event types,
// for the event store's upcasting on read. The types mirror the store's EventSchemas structurally because
// the domain imports nothing outside src/domain.

export interface EventSchema {
  readonly version: number;
  /** `upcasters[v]` turns data of version v into version v + 1. */
  readonly upcasters?: Readonly<Record<number, (data: unknown) => unknown>>;
}

export type EventSchemas = Readonly<Record<string, EventSchema>>;

export interface DomainContext<E extends { readonly type: string }> {
  readonly name: string;
  /**
   * Personal streams (a citizen's account, debts, applications): their events never reach a public read
   * model, GraphQL, an export, the live feed or the public log. Public when absent.
   */
  readonly personal?: boolean;
  /** Every event type of the context, so adding an event without a schema version fails to compile. */
  readonly eventSchemas: { readonly [T in E['type']]: EventSchema };
  /** Carries the context's event union for `EventOf`; never set. */
  readonly events?: E;
}

export const domainContext = <E extends { readonly type: string }>(context: DomainContext<E>): DomainContext<E> => context;

/** The event union of a context (or of a union of contexts). */
export type EventOf<C> = C extends DomainContext<infer E> ? E : never;
