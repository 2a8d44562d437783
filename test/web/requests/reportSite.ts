// What the tests of «Αναφορά προβλήματος» share: the citizen site (the shipped request types, Lixouri's
// bounds), the form sent as a browser sends it (multipart, with the pre-session token the page carries),
// the events of a request's streams, and photos made with sharp.
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Browser, CitizenSite } from '../identity/citizenSite.ts';
import { csrfOf } from '../identity/citizenSite.ts';

export const CODE = 'water-leak';
/** Πλατεία Πετρίτση, Lixouri. */
export const SPOT = { lat: 38.2013, long: 20.4385 };

export type Part = { readonly name: string; readonly value: string | Buffer; readonly filename?: string; readonly type?: string };

export const multipart = (parts: readonly Part[]) => {
  const boundary = '----opendimos-report-boundary';
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(typeof p.value === 'string' ? Buffer.from(p.value) : p.value);
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
};

/** Opens the form of `code` and answers its token (the pre-session cookie is then in the browser). */
export const openForm = async (browser: Browser, code = CODE, prefix = ''): Promise<string> => {
  const page = await browser.get(`${prefix}/requests/new?service_code=${code}`);
  if (page.statusCode !== 200) throw new Error(`the form answered ${page.statusCode}`);
  return csrfOf(page.body);
};

/** Sends the report form as drawn, with these fields (text) and photos; `_csrf` from the page unless given. */
export const sendReport = async (
  site: CitizenSite,
  browser: Browser,
  fields: Readonly<Record<string, string>>,
  photos: readonly Buffer[] = [],
  prefix = '',
  remoteAddress = '127.0.0.1',
): Promise<LightMyRequestResponse> => {
  const token = '_csrf' in fields ? fields['_csrf'] : await openForm(browser, fields['service_code'] ?? CODE, prefix);
  const parts: Part[] = [
    { name: '_csrf', value: token },
    ...Object.entries({ service_code: CODE, ...fields })
      .filter(([k]) => k !== '_csrf')
      .map(([name, value]) => ({ name, value })),
    ...photos.map((value, i) => ({ name: 'photo', value, filename: `photo${i + 1}.jpg`, type: 'image/jpeg' })),
  ];
  const body = multipart(parts);
  return site.app.inject({ method: 'POST', url: `${prefix}/requests/new`, headers: { 'content-type': body.contentType, cookie: browser.cookieHeader() }, payload: body.payload, remoteAddress });
};

export const anonymousReport = (extra: Readonly<Record<string, string>> = {}) => ({
  description: 'Τρέχει νερό από το πεζοδρόμιο μπροστά στο φαρμακείο',
  lat: String(SPOT.lat),
  long: String(SPOT.long),
  email: 'maria@example.gr',
  first_name: 'Μαρία',
  ...extra,
});

/** The request streams' events so far, by type. */
export const requestEvents = async (site: CitizenSite): Promise<{ type: string; data: Record<string, unknown>; metadata: Record<string, unknown> }[]> => {
  const all = await site.store.readAll();
  return all
    .filter((e) => e.type === 'RequestSubmitted' || e.type === 'ReporterRecorded' || e.type === 'RequestSupported')
    .map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: (e.metadata ?? {}) as unknown as Record<string, unknown> }));
};

/** A JPEG as a phone takes it: EXIF with GPS and the camera, rotated by its orientation. */
export const phonePhoto = (width = 64, height = 48): Promise<Buffer> =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 12/1 4/1', GPSLongitudeRef: 'E', GPSLongitude: '20/1 26/1 18/1' },
    })
    .toBuffer();

/** EXIF's pointer to its GPS directory (tag 0x8825), in either byte order. */
export const hasGpsPointer = (exif: Buffer): boolean => exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

export const hiddenOf = (page: string, name: string): string => new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
