// An application's stream read into its state and decided on (src/api/shared/streamDecider.ts): at the
// revision read, so two staff acting at once cannot both succeed on what only one of them saw.
import type { Application, ApplicationEvent } from '../../domain/index.ts';
import { applicationsErrors, evolveApplication, initialApplication, streams } from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { Loaded, StreamModel } from '../shared/streamDecider.ts';
import { decideOnStream, loadStream } from '../shared/streamDecider.ts';

export type LoadedApplication = Loaded<Application>;

const applicationStream: StreamModel<Application, ApplicationEvent> = {
  streamOf: streams.application,
  initial: initialApplication,
  evolve: evolveApplication,
  exists: (state) => state.submitted !== null,
  unknown: () => applicationsErrors.OD_APPLICATION_UNKNOWN(),
};

export const loadApplication = (store: EventStore, applicationId: string): Promise<LoadedApplication> => loadStream(store, applicationStream, applicationId);

/** Decides on the application's current state and appends what was decided; answers the new state. */
export const decideOn = (
  store: EventStore,
  applicationId: string,
  actor: string,
  decide: (state: Application) => ApplicationEvent[] | Promise<ApplicationEvent[]>,
): Promise<Application> => decideOnStream(store, applicationStream, applicationId, actor, decide);
