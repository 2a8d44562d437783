// Open311's two formats, chosen by the extension (`.json`, `.xml`): the spec's element names in XML
// (`<services><service>…`, `<service_requests><request>…`, `<errors><error>…`), UTF-8 with its declaration.
import type { FastifyReply } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import type { DomainError } from '../../domain/index.ts';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false });

type Value = string | number | boolean | null | readonly Value[] | { readonly [k: string]: Value };

// The builder leaves out null values; the spec's clients expect every element, empty when unknown.
const emptied = (value: Value): unknown => {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(emptied);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, emptied(v)]));
  return value;
};

/** `list` in JSON; `<root><item>…</item>…</root>` in XML. */
export const sendList = (reply: FastifyReply, format: Format, root: string, item: string, list: readonly Record<string, Value>[], status = 200): FastifyReply => {
  reply.code(status).header('access-control-allow-origin', '*');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(list);
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: { [item]: emptied(list) } })}`);
};

/** One object: itself in JSON; `<root>…</root>` in XML. */
export const sendObject = (reply: FastifyReply, format: Format, root: string, object: Record<string, Value>): FastifyReply => {
  reply.header('access-control-allow-origin', '*');
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(object);
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: emptied(object) })}`);
};

/** The spec's error array, with the matching HTTP status; the description Greek, then English. */
export const sendError = (reply: FastifyReply, format: Format, status: number, description: string): FastifyReply =>
  sendList(reply, format, 'errors', 'error', [{ code: status, description }], status);

export const sendRefusal = (reply: FastifyReply, format: Format, error: DomainError): FastifyReply => sendError(reply, format, error.status, `${error.messageEl} / ${error.messageEn}`);

/** `name.json` → ['name', 'json']; null for another extension. */
export const splitFormat = (file: string): [string, Format] | null => {
  const dot = file.lastIndexOf('.');
  const ext = file.slice(dot + 1);
  return dot > 0 && (ext === 'json' || ext === 'xml') ? [file.slice(0, dot), ext] : null;
};
