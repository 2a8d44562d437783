// What a context brings to the API: its GraphQL fragment and resolvers, its REST routes, and the paths it
// owns. buildApp composes the contexts it is given; adding a context adds a folder and one line in
// src/contexts.ts, never an edit here.
import { readFileSync } from 'node:fs';
import type { FastifyPluginAsync } from 'fastify';
import type { IResolvers, MercuriusLoaders } from 'mercurius';
import type { Resolvers } from '../schemaTypes.ts';
import type { Classification } from '../../domain/index.ts';
import type { EventStore } from '../../eventstore/port.ts';
import type { SqlClient } from '../../eventstore/sql/client.ts';
import type { OpenApiDocument } from './rest/openApiDocument.ts';
import type { PersonalData } from '../../ingest/personalData.ts';

export interface ResolverDependencies {
  readonly client: SqlClient;
  /** PostgreSQL schema of the read models. */
  readonly schema: string;
  readonly classification: Classification;
  /** Position of the read models as last announced: what depends only on it is kept until it moves. */
  readonly readModelPosition: () => number;
}

export interface ContextResolvers {
  /** Typed by the schema (schemaTypes.ts, generated from it). */
  readonly resolvers: Resolvers;
  readonly loaders?: MercuriusLoaders;
}

export interface RouteDependencies {
  readonly store: EventStore;
  readonly db: SqlClient;
  /** PostgreSQL schema of the read models and the tokens. */
  readonly schema: string;
  /** The REST API's OpenAPI document: routes take their JSON schemas from it. */
  readonly document: OpenApiDocument;
  readonly maxImportBytes?: number;
  readonly exportPageSize?: number;
  /** The keyring and subjects, for routes that take in personal data (imports of debt rolls). */
  readonly personal?: PersonalData | undefined;
}

export interface ApiContext {
  readonly name: string;
  /** The context's GraphQL SDL: `extend type Query { … }` and the types it adds (schema.graphql is their sum). */
  readonly sdl: string;
  readonly resolvers: (deps: ResolverDependencies) => ContextResolvers;
  /** Its REST routes, a fastify plugin registered inside the REST API (its errors, its rate limit). */
  readonly routes?: FastifyPluginAsync<RouteDependencies>;
  /** Paths it serves outside /api/ and /graphql (unknown addresses there get JSON, not a page). */
  readonly prefixes?: readonly string[];
}

/** Reads a context's SDL file beside its module, once, at start-up. */
export const loadSdl = (moduleUrl: string, file: string): string => readFileSync(new URL(file, moduleUrl), 'utf8');

/** What every context's SDL builds on: the Decimal scalar, the roots, Counterparty and PageInfo. */
export const baseSdl = loadSdl(import.meta.url, './graphql/base.graphql');

/** The whole GraphQL schema: the base, then each context's fragment in the contexts' order. */
export const composeSdl = (contexts: readonly ApiContext[]): string =>
  [baseSdl, ...contexts.map((c) => `# ─── ${c.name} (src/api/${c.name}/${c.name}.graphql)\n\n${c.sdl}`)].join('\n');

/** Every context's resolvers and loaders, type by type; two contexts may each resolve fields of Query. */
export const composeResolvers = (contexts: readonly ApiContext[], deps: ResolverDependencies): { resolvers: IResolvers; loaders: MercuriusLoaders } => {
  const resolvers: Record<string, Record<string, unknown>> = {};
  const loaders: Record<string, Record<string, unknown>> = {};
  const add = (into: Record<string, Record<string, unknown>>, from: object, context: string) => {
    for (const [type, fields] of Object.entries(from)) {
      const target = (into[type] ??= {});
      for (const [field, resolver] of Object.entries(fields as Record<string, unknown>)) {
        if (field in target) throw new Error(`GraphQL: ${type}.${field} is resolved by two contexts (the second is ${context})`);
        target[field] = resolver;
      }
    }
  };
  for (const context of contexts) {
    const made = context.resolvers(deps);
    add(resolvers, made.resolvers, context.name);
    add(loaders, made.loaders ?? {}, context.name);
  }
  // The one seam to mercurius: its resolver types are wider than the schema's own, field by field the same.
  return { resolvers: resolvers as IResolvers, loaders: loaders as MercuriusLoaders };
};
