// What a page handler gives the layout, and what it receives: the site's shared pieces and the request.
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { Html } from './html.ts';
import type { Lang } from './lang.ts';
import type { SharedMessages } from './messages.ts';
import type { Municipality } from './municipality.ts';
import type { StaticFile, StaticFiles } from './staticFiles.ts';

/** Which header link a page marks as current: the frame's ('home', 'openData') or a context's nav entry. */
export type Section = string;

/** One link of the header navigation, brought by a web context. */
export interface NavEntry {
  readonly section: Section;
  /** Unlocalised path. */
  readonly path: string;
  readonly label: Readonly<Record<Lang, string>>;
}

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
  /**
   * What the page is about, one or two sentences, for search results and link previews (meta description,
   * Open Graph). A page without one gets the site's own, so every page should give its own.
   */
  readonly description?: string;
  readonly main: Html;
  /** Loads the live-update script (the home page only). */
  readonly live?: boolean;
  /** A context's own scripts (enhancements only: the page works without them), served as static files. */
  readonly scripts?: readonly StaticFile[];
  /** Stylesheets besides the site's (a map's), served as static files. */
  readonly styles?: readonly StaticFile[];
  readonly status?: number;
}

/**
 * A link another context adds beside every movement shown (the log's «Επαλήθευση / Verification»), so the
 * ledger's tables name no context that would depend on them: present only when that context is.
 */
export interface MovementLink {
  readonly label: Readonly<Record<Lang, string>>;
  /** Read by screen readers after the label, with the movement's document: «… της κίνησης 17/2026». */
  readonly of: Readonly<Record<Lang, (document: string) => string>>;
  /** Unlocalised path of the movement's page in that context, from the event's position. */
  readonly path: (position: number) => string;
}

/** A decision another context holds by its ΑΔΑ: the council's «Απόφαση 45/2025 — Δημοτικό Συμβούλιο». */
export interface DecisionLink {
  readonly label: Readonly<Record<Lang, string>>;
  /** Unlocalised path of the decision's page in that context. */
  readonly path: string;
}

/** The decisions known by these ΑΔΑ, each at most once; an ΑΔΑ no context knows is absent. */
export type DecisionLinks = (adas: readonly string[]) => Promise<ReadonlyMap<string, DecisionLink>>;

/** A citizen service in the list of /services («Υπηρεσίες»), brought by the frame or by a web context. */
export interface ServiceEntry {
  /** Unlocalised path of the service's page. */
  readonly path: string;
  readonly label: Readonly<Record<Lang, string>>;
  /** One sentence on what the citizen can do there. */
  readonly summary: Readonly<Record<Lang, string>>;
}

/** Who is logged in, as the header shows them: a citizen (to /my/) or a member of staff (to /office/). */
export interface Account {
  /** Shown escaped: it comes from TaxisNet or a staff account. */
  readonly name: string;
  readonly kind: 'citizen' | 'staff';
}

export interface Site {
  readonly db: SqlExecutor;
  readonly schema: string;
  readonly municipality: Municipality;
  readonly staticFiles: StaticFiles;
  /** The contexts' header links, in the contexts' order, between the frame's Home and Open data. */
  readonly nav: readonly NavEntry[];
  /** The citizen services of /services: the frame's (my account) first, then the contexts' in their order. */
  readonly services: readonly ServiceEntry[];
  /** The contexts' links beside each movement (MovementLink), in their order; none by default. */
  readonly movementLinks?: readonly MovementLink[];
  /** The decisions the contexts hold by ΑΔΑ (a budget amendment's council decision); none by default. */
  readonly decisionLinks?: DecisionLinks;
  /** The site's address as the public reaches it (OPENDIMOS_PUBLIC_URL), no trailing slash: absolute URLs. */
  readonly publicUrl: string;
  /** The development TaxisNet stand-in is mounted: every page says so in a banner. */
  readonly devBanner?: boolean;
  /** When the ledger's data last changed (the newest import that added anything), ISO; null before any. */
  readonly lastUpdated: () => string | null;
}

export interface Visit {
  readonly lang: Lang;
  /** The shared words; a context's pages read theirs merged with these (e.g. ledgerText(visit)). */
  readonly t: SharedMessages;
  /** The request's URL, path and query, as received. */
  readonly url: string;
  /** Scheme and host the reader used, "https://opendimos.lixouri.gov.gr": for copy-paste examples. */
  readonly origin: string;
  /** Localises an unprefixed site path for this visit's language. */
  readonly href: (path: string) => string;
  /** Who is logged in, for the header (name escaped there); null for a visitor. */
  readonly account: Account | null;
}

export class NotFound extends Error {
  readonly code = 'OD_WEB_NOT_FOUND';
}
