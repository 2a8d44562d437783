// The OpenAPI document as the routes' source: each REST route takes its path and its input schemas from
// src/api/openapi.yaml, so what is documented is what is validated (by fastify's ajv) before a handler runs.
import { readFile } from 'node:fs/promises';
import type { FastifySchema } from 'fastify';
import { parse } from 'yaml';

export type JsonSchema = Readonly<Record<string, unknown>>;

interface Parameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema: JsonSchema;
}

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly Parameter[];
}

export type HttpMethod = 'get' | 'post';

export interface OpenApiDocument {
  /** The document as written, served at /api/openapi.yaml. */
  readonly text: string;
  /** A component schema with its references resolved, e.g. "ImportOptions". */
  readonly componentSchema: (name: string) => JsonSchema;
  /** The fastify schema (querystring, params) of an operation, from its parameters. */
  readonly routeSchema: (method: HttpMethod, path: string) => FastifySchema;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const pointer = (root: unknown, ref: string): unknown => {
  if (!ref.startsWith('#/')) throw new Error(`openapi.yaml: only local references are supported (${ref})`);
  let node = root;
  for (const key of ref.slice(2).split('/').map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'))) {
    if (!isObject(node) || !(key in node)) throw new Error(`openapi.yaml: unresolved reference ${ref}`);
    node = node[key];
  }
  return node;
};

/** Inlines every `$ref` (the document has no cycles), so ajv gets self-contained schemas. */
const resolved = (root: unknown, node: unknown): unknown => {
  if (Array.isArray(node)) return node.map((item) => resolved(root, item));
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string') return resolved(root, pointer(root, node.$ref));
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolved(root, value)]));
};

const objectOf = (parameters: readonly Parameter[]): JsonSchema | undefined =>
  parameters.length === 0
    ? undefined
    : {
        type: 'object',
        properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema])),
        required: parameters.filter((p) => p.required).map((p) => p.name),
        additionalProperties: false,
      };

export const parseOpenApiDocument = (text: string): OpenApiDocument => {
  const root: unknown = parse(text);
  const operation = (method: HttpMethod, path: string): Operation => {
    const found = resolved(root, pointer(root, `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`));
    if (!isObject(found) || typeof found.operationId !== 'string') throw new Error(`openapi.yaml: no operation ${method.toUpperCase()} ${path}`);
    return found as unknown as Operation;
  };
  return {
    text,
    componentSchema: (name) => resolved(root, pointer(root, `#/components/schemas/${name}`)) as JsonSchema,
    routeSchema(method, path) {
      const parameters = operation(method, path).parameters ?? [];
      const querystring = objectOf(parameters.filter((p) => p.in === 'query'));
      const params = objectOf(parameters.filter((p) => p.in === 'path'));
      return { ...(querystring ? { querystring } : {}), ...(params ? { params } : {}) };
    },
  };
};

let loaded: Promise<OpenApiDocument> | null = null;

export const loadOpenApiDocument = (): Promise<OpenApiDocument> =>
  (loaded ??= readFile(new URL('../../openapi.yaml', import.meta.url), 'utf8').then(parseOpenApiDocument));

/** "/api/exports/fdp/{year}/datapackage.json" → "/api/exports/fdp/:year/datapackage.json" */
export const fastifyPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');
