// The council of Lixouri for `npm start --with-fixtures`: the municipal council (Δημοτικό Συμβούλιο) of 13
// with its three factions and its presiding board, the municipal committee (Δημοτική Επιτροπή), three past
// sessions with their agenda, attendance, votes, decisions and ΑΔΑ, and one session convened for next week.
// Dated from the day they are loaded, decided through the council's deciders like an import (councilPlan.ts),
// so a second load appends nothing. The people and their votes are invented.
import type { VoteOption } from '../domain/index.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { CouncilPlan, PlannedItem, PlannedSession } from '../ingest/council/index.ts';
import { applyCouncilPlan } from '../ingest/council/index.ts';
import type { CliIo } from './io.ts';

const TERM_START = '2024-01-01';
export const FIXTURE_COUNCIL = 'lixouri-council';
export const FIXTURE_COMMITTEE = 'lixouri-committee';

const FACTIONS = [
  { factionId: 'lixouri-mprosta', name: 'Ληξούρι Μπροστά' },
  { factionId: 'enotita-palikis', name: 'Ενότητα Παλικής' },
  { factionId: 'laiki-syspeirosi', name: 'Λαϊκή Συσπείρωση Ληξουρίου' },
] as const;

const MEMBERS: readonly (readonly [string, string, number])[] = [
  ['p-metaxas-gerasimos', 'Γεράσιμος Μεταξάς', 0],
  ['p-zafeiratou-angeliki', 'Αγγελική Ζαφειράτου', 0],
  ['p-dellaportas-spyridon', 'Σπυρίδων Δελλαπόρτας', 0],
  ['p-tzannetatou-evanthia', 'Ευανθία Τζαννετάτου', 0],
  ['p-mousouris-dionysios', 'Διονύσιος Μουσούρης', 0],
  ['p-kourkoumeli-eleni', 'Ελένη Κουρκουμέλη', 0],
  ['p-papadatos-panagis', 'Παναγής Παπαδάτος', 0],
  ['p-vallianou-maria', 'Μαρία Βαλλιάνου', 1],
  ['p-kambitsis-nikolaos', 'Νικόλαος Καμπίτσης', 1],
  ['p-lykiardopoulou-sofia', 'Σοφία Λυκιαρδοπούλου', 1],
  ['p-tselentis-andreas', 'Ανδρέας Τσελέντης', 1],
  ['p-fokas-ilias', 'Ηλίας Φωκάς', 2],
  ['p-antypa-katerina', 'Κατερίνα Αντύπα', 2],
];
const ids = MEMBERS.map(([id]) => id);
const factionOf = (personId: string): number => MEMBERS.find(([id]) => id === personId)![2];

/** Athens' offset on a day ("+02:00" in winter, "+03:00" in summer). */
export const athensOffset = (instant: Date): string => {
  const part = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Athens', timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+02:00';
  return part === 'GMT' ? '+00:00' : part.slice(3);
};

const athensDay = (instant: Date): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Athens' }).format(instant);
const at = (dayText: string, time: string): string => `${dayText}T${time}${athensOffset(new Date(`${dayText}T12:00:00Z`))}`;
const daysFrom = (asOf: Date, days: number): string => athensDay(new Date(asOf.getTime() + days * 86_400_000));

/** Votes of the members present: the majority faction for, the others as given by faction, some blank or present. */
const votesBy = (present: readonly string[], byFaction: readonly [VoteOption, VoteOption, VoteOption]) => present.map((personId) => ({ personId, option: byFaction[factionOf(personId)]! }));

const item = (number: number, title: string, rapporteur: string | null, extra: Partial<PlannedItem> = {}): PlannedItem => ({
  number,
  title,
  rapporteur,
  majority: 'simple',
  votes: [],
  resolve: false,
  summary: null,
  ada: null,
  ...extra,
});

const pastSession = (sessionId: string, dayText: string, present: readonly string[], items: readonly PlannedItem[], kind: PlannedSession['kind'] = 'regular'): PlannedSession => ({
  sessionId,
  bodyId: FIXTURE_COUNCIL,
  startsAt: at(dayText, '18:00'),
  place: 'Αίθουσα Δημοτικού Συμβουλίου, Πλατεία Πεταλά, Ληξούρι',
  remote: false,
  kind,
  streamUrl: 'https://www.youtube.com/@dimoslixouriou/live',
  items,
  attendance: present.map((personId, i) => ({ personId, arrivedAt: at(dayText, `18:${String(Math.min(i, 20)).padStart(2, '0')}`), departedAt: null })),
  closedAt: at(dayText, '21:30'),
});

/** The fixtures' plan, dated from `asOf`: past sessions 45, 24 and 9 days before, the next one 6 days after. */
export const lixouriCouncilPlan = (asOf: Date): CouncilPlan => {
  const year = asOf.getUTCFullYear();
  const d1 = daysFrom(asOf, -45);
  const d2 = daysFrom(asOf, -24);
  const d3 = daysFrom(asOf, -9);
  const next = daysFrom(asOf, 6);
  const allBut = (...absent: string[]) => ids.filter((id) => !absent.includes(id));
  const p1 = allBut('p-antypa-katerina');
  const p2 = allBut('p-tselentis-andreas', 'p-mousouris-dionysios');
  const p3 = allBut();
  const resolved = (votes: PlannedItem['votes'], summary: string, ada: string | null): Partial<PlannedItem> => ({ votes, resolve: true, summary, ada });
  return {
    bodies: [
      {
        bodyId: FIXTURE_COUNCIL,
        name: 'Δημοτικό Συμβούλιο Ληξουρίου',
        nameEn: 'Municipal Council of Lixouri',
        classification: 'council',
        parentId: null,
        factions: FACTIONS,
        members: MEMBERS.map(([personId, name, f]) => ({ personId, name, factionId: FACTIONS[f]!.factionId, startDate: TERM_START, endDate: null })),
        posts: [
          { role: 'chair', personId: 'p-zafeiratou-angeliki', startDate: TERM_START, endDate: null },
          { role: 'vice-chair', personId: 'p-kambitsis-nikolaos', startDate: TERM_START, endDate: null },
          { role: 'secretary', personId: 'p-papadatos-panagis', startDate: TERM_START, endDate: null },
        ],
      },
      {
        bodyId: FIXTURE_COMMITTEE,
        name: 'Δημοτική Επιτροπή Ληξουρίου',
        nameEn: 'Municipal Committee of Lixouri',
        classification: 'committee',
        parentId: FIXTURE_COUNCIL,
        factions: FACTIONS.slice(0, 2),
        members: ['p-metaxas-gerasimos', 'p-dellaportas-spyridon', 'p-tzannetatou-evanthia', 'p-vallianou-maria', 'p-lykiardopoulou-sofia'].map((personId) => ({
          personId,
          name: MEMBERS.find(([id]) => id === personId)![1],
          factionId: FACTIONS[factionOf(personId)]!.factionId,
          startDate: TERM_START,
          endDate: null,
        })),
        posts: [{ role: 'chair', personId: 'p-metaxas-gerasimos', startDate: TERM_START, endDate: null }],
      },
    ],
    sessions: [
      pastSession(`ds-${d1}`, d1, p1, [
        item(1, `Ψήφιση τροποποίησης προϋπολογισμού οικονομικού έτους ${year} (3η αναμόρφωση)`, 'Γεράσιμος Μεταξάς', {
          majority: 'absolute',
          ...resolved(votesBy(p1, ['for', 'against', 'against']), 'Εγκρίθηκε η αναμόρφωση για την ενίσχυση του ΚΑΕ 30-7333 (συντηρήσεις οδών).', 'ΨΛ8ΓΩΛ6-ΑΒ1'),
        }),
        item(2, 'Έγκριση μελέτης «Αποκατάσταση δημοτικής οδοποιίας Παλικής»', 'Σπυρίδων Δελλαπόρτας', resolved(votesBy(p1, ['for', 'for', 'blank']), 'Εγκρίθηκε ομόφωνα επί των ψηφισάντων· η ελάσσονα αντιπολίτευση ψήφισε λευκό.', 'Ψ2ΚΞΩΛ6-7ΓΔ')),
        item(3, 'Καθορισμός τελών κοινοχρήστων χώρων για το έτος ' + String(year + 1), 'Ευανθία Τζαννετάτου', resolved(votesBy(p1, ['for', 'present', 'against']), 'Εγκρίθηκαν τα τέλη χωρίς αύξηση.', null)),
      ]),
      pastSession(`ds-${d2}`, d2, p2, [
        item(1, 'Παραχώρηση χρήσης του Δημοτικού Θεάτρου στον Φιλαρμονικό Σύλλογο Παλικής', 'Μαρία Βαλλιάνου', resolved(votesBy(p2, ['for', 'for', 'for']), 'Εγκρίθηκε ομόφωνα.', 'ΩΔ4ΗΩΛ6-Κ9Ε')),
        item(2, 'Αίτημα χρηματοδότησης για την αναβάθμιση του λιμένα Ληξουρίου', 'Διονύσιος Μουσούρης', {
          majority: 'absolute',
          ...resolved(votesBy(p2, ['for', 'against', 'for']), 'Εγκρίθηκε με την απόλυτη πλειοψηφία των μελών.', null),
        }),
        item(3, 'Συγκρότηση επιτροπής παραλαβής έργων', 'Παναγής Παπαδάτος', resolved(votesBy(p2, ['against', 'for', 'for']), 'Απορρίφθηκε· θα επανέλθει με νέα σύνθεση.', null)),
      ]),
      {
        ...pastSession(
          `ds-${d3}`,
          d3,
          p3,
          [
            item(1, 'Έγκριση απολογισμού δράσεων πολιτικής προστασίας (αντιπυρική περίοδος)', 'Ελένη Κουρκουμέλη', resolved(votesBy(p3, ['for', 'for', 'present']), 'Εγκρίθηκε· ζητήθηκε ενημέρωση για τις δεξαμενές νερού.', 'ΨΖΥ1ΩΛ6-ΛΜ0')),
            item(2, 'Ονοματοδοσία πλατείας στον οικισμό Χαυριάτα', 'Σοφία Λυκιαρδοπούλου', resolved(votesBy(p3, ['for', 'blank', 'for']), 'Εγκρίθηκε.', null)),
          ],
          'extraordinary',
        ),
        attendance: p3.map((personId, i) => ({ personId, arrivedAt: at(d3, `18:${String(i).padStart(2, '0')}`), departedAt: personId === 'p-fokas-ilias' ? at(d3, '21:00') : null })),
      },
      {
        sessionId: `ds-${next}`,
        bodyId: FIXTURE_COUNCIL,
        startsAt: at(next, '18:30'),
        place: 'Αίθουσα Δημοτικού Συμβουλίου, Πλατεία Πεταλά, Ληξούρι',
        remote: false,
        kind: 'regular',
        streamUrl: 'https://www.youtube.com/@dimoslixouriou/live',
        items: [
          item(1, `Ψήφιση προϋπολογισμού οικονομικού έτους ${year + 1}`, 'Γεράσιμος Μεταξάς', { majority: 'absolute' }),
          item(2, `Έγκριση τεχνικού προγράμματος ${year + 1}`, 'Σπυρίδων Δελλαπόρτας'),
          item(3, 'Ενημέρωση για την πορεία της ύδρευσης στα χωριά της Παλικής', 'Νικόλαος Καμπίτσης'),
        ],
        attendance: [],
        closedAt: null,
      },
    ],
  };
};

export const loadCouncilFixtures = async (store: EventStore, asOf: Date, io?: Pick<CliIo, 'stdout'>): Promise<number> => {
  const decided = await applyCouncilPlan(store, lixouriCouncilPlan(asOf), 'opendimos:fixtures');
  io?.stdout.write(`Φόρτωση / Loaded ${decided.sessionsNew} συνεδριάσεις του δημοτικού συμβουλίου / council sessions\n`);
  return decided.sessionsNew;
};
