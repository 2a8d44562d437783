// What the exports share: a body written page by page as the client takes it, and the headers of a file
// download that any site or notebook may fetch (open data).
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A body that asks for the next page only when the client has taken the last one (backpressure). */
export const pagedBody = <Page>(head: string, pages: AsyncIterable<Page>, render: (page: Page, first: boolean) => string, tail: string): Readable =>
  Readable.from(
    (async function* () {
      yield head;
      let first = true;
      for await (const page of pages) {
        yield render(page, first);
        first = false;
      }
      yield tail;
    })(),
    { objectMode: false },
  );

export const asDownload = (reply: FastifyReply, type: string, fileName: string): FastifyReply =>
  reply.type(type).header('content-disposition', `attachment; filename="${fileName}"`).header('access-control-allow-origin', '*');
