// What a page handler gives the layout, and what it receives: the site's shared pieces and the request.
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import type { StaticAssets } from './assets.ts';
import type { Html } from './html.ts';
import type { Messages } from './i18n/index.ts';
import type { Lang } from './lang.ts';
import type { Municipality } from './municipality.ts';

export type Section = 'home' | 'budget' | 'movements' | 'suppliers' | 'property' | 'openData' | 'accessibility';

export interface Crumb {
  readonly label: string;
  /** Unlocalised path; the last crumb is the page itself and has none. */
  readonly path?: string;
}

export interface Page {
  readonly title: string;
  readonly section: Section | null;
  /** Between Home and the page itself. */
  readonly crumbs: readonly Crumb[];
  readonly main: Html;
  /** Loads the live-update script (the home page only). */
  readonly live?: boolean;
  readonly status?: number;
}

export interface Site {
  readonly db: SqlExecutor;
  readonly schema: string;
  readonly municipality: Municipality;
  readonly assets: StaticAssets;
}

export interface Visit {
  readonly lang: Lang;
  readonly t: Messages;
  /** The request's URL, path and query, as received. */
  readonly url: string;
  /** Scheme and host the reader used, "https://opendimos.lixouri.gov.gr": for copy-paste examples. */
  readonly origin: string;
  /** Localises an unprefixed site path for this visit's language. */
  readonly href: (path: string) => string;
}

export class NotFound extends Error {
  readonly code = 'OD_WEB_NOT_FOUND';
}
