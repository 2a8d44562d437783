// A fetch answered by the app's own routes (fastify inject), for the development stand-ins: their clients
// run the real adapter code, yet reach the stand-in inside this very process whatever the public URL says.
import type { FastifyInstance } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const injectFetch =
  (app: () => FastifyInstance): typeof fetch =>
  async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    // The adapters send forms (URLSearchParams), JSON text, or nothing.
    const body = init?.body instanceof URLSearchParams || typeof init?.body === 'string' ? init.body.toString() : undefined;
    const answer = await app().inject({ method: (init?.method ?? 'GET') as Method, url: `${url.pathname}${url.search}`, headers, payload: body });
    return new Response(answer.statusCode === 204 || answer.statusCode === 304 ? null : new Uint8Array(answer.rawPayload), {
      status: answer.statusCode,
      headers: Object.entries(answer.headers).flatMap(([k, v]) => (v === undefined ? [] : (Array.isArray(v) ? v : [String(v)]).map((x): [string, string] => [k, x]))),
    });
  };
