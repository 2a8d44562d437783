// Reading an application's stream into its state, and deciding on it: load, decide, append at the revision
// read, so two staff acting at once cannot both succeed on what only one of them saw.
import type { Application, ApplicationEvent } from '../../domain/index.ts';
import { applicationsErrors, evolveApplication, initialApplication, streams } from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';

export interface LoadedApplication {
  readonly state: Application;
  readonly revision: number;
}

export const loadApplication = async (store: EventStore, applicationId: string): Promise<LoadedApplication> => {
  const events = await store.readStream(streams.application(applicationId));
  let state = initialApplication();
  for (const e of events) state = evolveApplication(state, { type: e.type, data: e.data } as ApplicationEvent);
  return { state, revision: events.at(-1)?.revision ?? -1 };
};

/** Decides on the application's current state and appends what was decided; answers the new state. */
export const decideOn = async (
  store: EventStore,
  applicationId: string,
  actor: string,
  decide: (state: Application) => ApplicationEvent[] | Promise<ApplicationEvent[]>,
): Promise<Application> => {
  const { state, revision } = await loadApplication(store, applicationId);
  if (state.submitted === null) throw applicationsErrors.OD_APPLICATION_UNKNOWN();
  const events = await decide(state);
  if (events.length === 0) return state;
  await store.append(streams.application(applicationId), events.map((e) => ({ type: e.type, data: e.data, metadata: { actor } })), { expectedRevision: revision });
  return events.reduce(evolveApplication, state);
};
