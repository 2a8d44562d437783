// Diavgeia's settings, checked at start-up: which API to ask (OPENDIMOS_DIAVGEIA_URL, default the public one),
// for which organisation (OPENDIMOS_DIAVGEIA_ORG, Diavgeia's numeric uid) and how often while serving
// (OPENDIMOS_DIAVGEIA_INTERVAL, minutes). No Lixouri uid is in the recorded answers, so none is assumed: without
// one a sync is refused and the schedule is off, but in development, which syncs the fixture year's decisions
// from the stand-in (src/integrations/diavgeia/standIn.ts) so the cross-check page has something to show.
import { DIAVGEIA_PUBLIC_API } from '../integrations/diavgeia/index.ts';

export type DiavgeiaConfig =
  | { readonly mode: 'diavgeia'; readonly url: string; readonly organizationId: string | null; readonly intervalMs: number }
  | { readonly mode: 'stand-in'; readonly intervalMs: number };

/** Diavgeia's organisation uids are numbers ("6174" ΔΗΜΟΣ ΛΗΜΝΟΥ in the recorded an_org.json). */
const ORG_UID = /^\d{1,12}$/;
const DEFAULT_INTERVAL_MINUTES = 15;

export const diavgeiaConfigOf = (env: NodeJS.ProcessEnv, production: boolean, fail: (message: string) => Error): DiavgeiaConfig => {
  const minutesText = env.OPENDIMOS_DIAVGEIA_INTERVAL?.trim() || String(DEFAULT_INTERVAL_MINUTES);
  const minutes = Number(minutesText);
  if (!/^\d+$/.test(minutesText) || !Number.isSafeInteger(minutes) || minutes > 10_080) {
    throw fail(`OPENDIMOS_DIAVGEIA_INTERVAL must be a whole number of minutes between syncs while serving, 0 for none, at most 10080 (got "${env.OPENDIMOS_DIAVGEIA_INTERVAL}")`);
  }
  const intervalMs = minutes * 60_000;
  const urlText = env.OPENDIMOS_DIAVGEIA_URL?.trim() || '';
  const org = env.OPENDIMOS_DIAVGEIA_ORG?.trim() || '';
  if (org !== '' && !ORG_UID.test(org)) throw fail(`OPENDIMOS_DIAVGEIA_ORG must be Diavgeia's organisation uid, digits only, e.g. 6174 (got "${org}")`);
  if (urlText === '' && org === '' && !production) return { mode: 'stand-in', intervalMs };
  const url = urlText === '' ? DIAVGEIA_PUBLIC_API : urlText.replace(/\/+$/, '');
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw fail(`OPENDIMOS_DIAVGEIA_URL must be an absolute http(s) address, e.g. ${DIAVGEIA_PUBLIC_API} (got "${urlText}")`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash) throw fail(`OPENDIMOS_DIAVGEIA_URL must be an http(s) address without query, e.g. ${DIAVGEIA_PUBLIC_API} (got "${urlText}")`);
  if (production && parsed.protocol !== 'https:') throw fail(`With NODE_ENV=production, OPENDIMOS_DIAVGEIA_URL must be https:// (got "${urlText}")`);
  return { mode: 'diavgeia', url, organizationId: org || null, intervalMs };
};
