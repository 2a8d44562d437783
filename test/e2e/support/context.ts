// What every browser test shares: the running app, the browser, and the pages of the site to visit.
import type { Browser } from 'playwright-core';
import type { E2eServer } from './server.ts';
import type { SitePage } from './sitePages.ts';

export interface E2e {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** Every page of the site, in Greek and in English. */
  readonly pages: readonly SitePage[];
}

let current: E2e | null = null;

export const setE2e = (e2e: E2e): void => {
  current = e2e;
};

export const e2e = (): E2e => {
  if (current === null) throw new Error('The browser tests run through test/e2e/run.ts');
  return current;
};
