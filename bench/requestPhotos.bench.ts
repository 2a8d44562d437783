// Issue 18's submission figure with photos, in one run, on PostgreSQL: «Αναφορά προβλήματος» sent as a
// phone sends it — the site's multipart form, by a citizen logged in with TaxisNet (the stand-in), with one
// 12 MP phone photo (4032 × 3024, EXIF with GPS and camera, about 2 MB) — through the whole route: the
// form parsed, the submission checked, the photo re-encoded (upright, at most 2048 px, no metadata), the
// draft sealed and kept, the request's and reporter's streams appended, the photo published. Two at a time
// (this machine has two cores: the re-encoding is what they do). Against, in the same run:
// - the same re-encoding alone (sharp, the same resize and quality, two at a time): what any server that
//   strips a photo must spend; the ratio says what the form, the checks and the store add to it;
// - the same form with no photo, to show where the time goes.
import sharp from 'sharp';
import { A } from '../test/web/debts/debtsSite.ts';
import type { CitizenSite } from '../test/web/identity/citizenSite.ts';
import { Browser, logInAs, startCitizenSite } from '../test/web/identity/citizenSite.ts';
import { openForm, sendReport } from '../test/web/requests/reportSite.ts';
import { PHOTO_SIDE } from '../src/api/requests/photos.ts';
import { LIXOURI_BOUNDS } from '../src/domain/index.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { now, seconds } from './support.ts';

const AT_ONCE = 2;

/** A phone's photo: a smooth picture with some grain (so it weighs what a real one weighs), EXIF with GPS. */
const twelveMegapixels = async (): Promise<Buffer> => {
  const small = { width: 504, height: 378, channels: 3 as const };
  const raw = Buffer.alloc(small.width * small.height * 3);
  let seed = 18;
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    raw[i] = ((i / 3) % small.width) / 2 + (seed % 60);
  }
  return sharp(raw, { raw: small })
    .resize(4032, 3024, { kernel: 'cubic' })
    .jpeg({ quality: 90 })
    .withExifMerge({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 12/1 4/1', GPSLongitudeRef: 'E', GPSLongitude: '20/1 26/1 18/1' },
    })
    .toBuffer();
};

const inParallel = async (total: number, atOnce: number, work: (i: number) => Promise<void>): Promise<void> => {
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < total) await work(next++);
    }),
  );
};

const submissions = async (site: CitizenSite, browser: Browser, total: number, photos: readonly Buffer[]): Promise<number> => {
  const token = await openForm(browser);
  let spot = 0;
  const send = async () => {
    spot += 1;
    const answer = await sendReport(
      site,
      browser,
      {
        _csrf: token,
        description: 'Τρέχει νερό από το πεζοδρόμιο μπροστά στο φαρμακείο',
        lat: (LIXOURI_BOUNDS.south + ((spot * 0.37) % 1) * (LIXOURI_BOUNDS.north - LIXOURI_BOUNDS.south)).toFixed(6),
        long: (LIXOURI_BOUNDS.west + ((spot * 0.61) % 1) * (LIXOURI_BOUNDS.east - LIXOURI_BOUNDS.west)).toFixed(6),
        nearby_seen: '1',
      },
      photos,
    );
    if (answer.statusCode !== 303 && answer.statusCode !== 200) throw new Error(`the form answered ${answer.statusCode}: ${answer.body.slice(0, 300)}`);
  };
  await inParallel(Math.min(4, total), AT_ONCE, send);
  const start = now();
  await inParallel(total, AT_ONCE, send);
  return total / seconds(start);
};

const run = async (context: BenchContext): Promise<Figure[]> => {
  // The citizen site of the tests, on this run's PostgreSQL database (its own schema there).
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = context.databaseUrl;
  const site = await startCitizenSite();
  try {
    const browser = new Browser(site.app);
    await logInAs(browser, A);
    const photo = await twelveMegapixels();
    const { width, height } = await sharp(photo).metadata();
    context.log(`the photo: ${width} × ${height}, ${(photo.length / 1024 / 1024).toFixed(1)} MB`);
    const total = context.quick ? 16 : 60;

    const withPhoto = await submissions(site, browser, total, [photo]);
    const bare = async () => {
      await sharp(photo).autoOrient().resize({ width: PHOTO_SIDE, height: PHOTO_SIDE, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
    };
    await bare();
    const bareStart = now();
    await inParallel(total, AT_ONCE, bare);
    const reencodedAlone = total / seconds(bareStart);
    const withoutPhoto = await submissions(site, browser, total * 4, []);
    context.log(`reports with a 12 MP photo ${withPhoto.toFixed(1)}/s; the re-encoding alone ${reencodedAlone.toFixed(1)}/s; reports without photos ${withoutPhoto.toFixed(0)}/s`);
    return [
      {
        name: 'report-with-photo-throughput',
        unit: 'reports/s',
        ours: withPhoto,
        peer: reencodedAlone,
        peerName: 'the same re-encoding alone (sharp)',
        note: `the site's form, logged in, one ${width}×${height} photo each, ${AT_ONCE} at a time; without photos the same form takes ${withoutPhoto.toFixed(0)}/s`,
      },
    ];
  } finally {
    await site.close();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
};

export const requestPhotosBench: Bench = { name: 'request-photos', run };
