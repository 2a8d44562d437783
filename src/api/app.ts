// The fastify app as a tree of plugins, one per concern. Tests build it with their own dependencies and
// use app.inject(): no globals, no ports.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { EventStore } from '../eventstore/port.ts';
import { healthPlugin } from './health.ts';

export interface AppDependencies {
  readonly store: EventStore;
  readonly logger?: boolean;
}

export const buildApp = async (deps: AppDependencies): Promise<FastifyInstance> => {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 1_048_576 });
  await app.register(healthPlugin, { store: deps.store });
  return app;
};
