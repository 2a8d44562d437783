// The upcoming sessions as an iCalendar (RFC 5545), written by hand (no calendar library in the project): CRLF
// line ends (3.1), lines folded at 75 octets without splitting a UTF-8 character (3.1), TEXT escaped (3.3.11),
// times in UTC so no VTIMEZONE is needed (3.3.5, form #2), and a UID that stays the session's across fetches
// so a calendar that subscribed updates the event instead of adding another.
import type { SessionKind } from '../../domain/index.ts';
import type { ItemView, SessionSummary } from '../../projections/council/index.ts';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

const KIND_EL: Readonly<Record<SessionKind, string>> = { regular: 'Τακτική', extraordinary: 'Έκτακτη', special: 'Ειδική', circulation: 'Δια περιφοράς' };
const KIND_EN: Readonly<Record<SessionKind, string>> = { regular: 'regular', extraordinary: 'extraordinary', special: 'special', circulation: 'by circulation' };

/** TEXT values: backslash, semicolon and comma escaped, line breaks as \n (RFC 5545 3.3.11). */
export const escapeText = (text: string): string => text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');

/** Folds a content line into lines of at most 75 octets, each continuation starting with one space (3.1). */
export const foldLine = (line: string): string => {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The continuation's leading space counts towards its 75 octets.
    const limit = out.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
};

/** A DATE-TIME in UTC, form #2 of RFC 5545 3.3.5: 20261210T163000Z. */
export const utcStamp = (instant: Date | string): string => new Date(instant).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

export interface CalendarSession {
  readonly session: SessionSummary;
  readonly items: readonly ItemView[];
}

export interface CalendarOptions {
  /** The site's address, for each session's URL and the UIDs' domain. */
  readonly siteUrl: string;
  /** DTSTAMP: when this calendar was made. */
  readonly now: Date;
}

// A session has no scheduled end; three hours is what Lixouri's council usually takes.
const ASSUMED_HOURS = 3;

const eventOf = (entry: CalendarSession, options: CalendarOptions, host: string): string[] => {
  const { session, items } = entry;
  const start = new Date(session.startsAt);
  const agenda = items.map((i) => `${i.number}. ${i.title}`).join('\n');
  const description = [
    `${KIND_EL[session.kind]} συνεδρίαση / ${KIND_EN[session.kind]} session`,
    session.remote ? 'Με τηλεδιάσκεψη / Remote' : '',
    session.streamUrl ? `Μετάδοση / Stream: ${session.streamUrl}` : '',
    agenda === '' ? '' : `Ημερήσια διάταξη / Agenda:\n${agenda}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
  const location = session.place ?? (session.remote ? 'Τηλεδιάσκεψη / Remote' : null);
  return [
    'BEGIN:VEVENT',
    `UID:council-session-${session.id}@${host}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    `DTSTART:${utcStamp(start)}`,
    `DTEND:${utcStamp(new Date(start.getTime() + ASSUMED_HOURS * 3_600_000))}`,
    `SUMMARY:${escapeText(`${session.bodyName}: ${KIND_EL[session.kind].toLowerCase()} συνεδρίαση / ${session.bodyNameEn}: ${KIND_EN[session.kind]} session`)}`,
    ...(location === null ? [] : [`LOCATION:${escapeText(location)}`]),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${options.siteUrl}/council/sessions/${encodeURIComponent(session.id)}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
};

export const councilCalendar = (sessions: readonly CalendarSession[], options: CalendarOptions): string => {
  const host = new URL(options.siteUrl).hostname;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//OpenDimos//Council sessions//EL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText('Συνεδριάσεις / Council sessions')}`,
    ...sessions.flatMap((entry) => eventOf(entry, options, host)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
};
