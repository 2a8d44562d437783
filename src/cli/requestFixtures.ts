// A year of sample service requests for `npm start --with-fixtures`: about 600 problems reported over the 12
// months before the fixtures' date, across every request type of config/requests.yaml, at real places of
// Lixouri and the villages of Paliki, each moved on by the office through the decider (acknowledged, assigned,
// in progress with a reply, fixed after plausible days; some closed, some not the municipality's with the
// reason, a few duplicates merged, some still open past their date, a few reopened). Deterministic: a seeded
// generator and ids derived from the request's number, so loading twice appends nothing the second time
// (each stream is appended with expectedRevision no_stream). No reporters: the fixtures name nobody.
import { createHash } from 'node:crypto';
import type { RequestEvent, RequestStage, RequestType, ServiceRequest } from '../domain/index.ts';
import {
  assignRequest,
  changeRequestStatus,
  evolveRequest,
  initialRequest,
  LIXOURI_BOUNDS,
  mergeRequest,
  reopenRequest,
  replyToRequest,
  setExpectedDate,
  streams,
  submitRequest,
  supportRequest,
  withinBounds,
} from '../domain/index.ts';
import { isExpectedRevisionConflict } from '../eventstore/errors.ts';
import type { EventStore } from '../eventstore/port.ts';
import type { CliIo } from './io.ts';

export const FIXTURE_REQUESTS = 600;
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: small, fast and the same on every machine. */
const seeded = (seed: number) => {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number): number => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number): boolean => next() < p,
  };
};

/** The n-th fixture request's id: a UUID-shaped hash, the same on every load. */
export const fixtureRequestId = (n: number): string => {
  const h = createHash('sha256').update(`opendimos-fixture-request-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Place {
  readonly el: string;
  readonly lat: number;
  readonly long: number;
  /** Streets and spots of the place, for an address a citizen would write. */
  readonly spots: readonly string[];
  /** How many requests it draws: Lixouri, the town, far more than a village. */
  readonly weight: number;
}

// Approximate centres (to a street or a village's square); each request is scattered a little around them.
const PLACES: readonly Place[] = [
  { el: 'Ληξούρι', lat: 38.202, long: 20.437, weight: 30, spots: ['κοντά στην αγορά', 'πίσω από την κεντρική πλατεία', 'στον δρόμο προς το νοσοκομείο', 'στη στάση των ΚΤΕΛ', 'δίπλα στο δημοτικό σχολείο', 'στο στενό πίσω από την εκκλησία', 'στην ανηφόρα προς το Βουνί', 'στη γειτονιά πάνω από το λιμάνι'] },
  { el: 'Πλατεία Πετρίτση, Ληξούρι', lat: 38.2013, long: 20.4385, weight: 12, spots: ['στο κέντρο της πλατείας', 'μπροστά στα καφενεία', 'στη γωνία με την παραλιακή'] },
  { el: 'Λιμάνι Ληξουρίου', lat: 38.2003, long: 20.4403, weight: 8, spots: ['στην αποβάθρα του πορθμείου', 'στον χώρο στάθμευσης', 'στο μόλο των ψαράδων'] },
  { el: 'Παραλιακή οδός Ληξουρίου', lat: 38.199, long: 20.438, weight: 10, spots: ['κοντά στο περίπτερο', 'απέναντι από το λιμεναρχείο', 'στο πεζοδρόμιο της παραλίας'] },
  { el: 'Δημαρχείο Ληξουρίου', lat: 38.2018, long: 20.4378, weight: 4, spots: ['στην είσοδο', 'στο πάρκινγκ πίσω από το κτήριο'] },
  { el: 'Ιακωβάτειος Βιβλιοθήκη, Ληξούρι', lat: 38.2026, long: 20.4362, weight: 4, spots: ['στον κήπο', 'στο στενό δίπλα'] },
  { el: 'Νοσοκομείο Ληξουρίου (Μαντζαβινάτειο)', lat: 38.2065, long: 20.4335, weight: 5, spots: ['στον δρόμο προς τα επείγοντα', 'στη στάση του λεωφορείου'] },
  { el: 'Δρόμος Ληξουρίου – Λέπεδα', lat: 38.1905, long: 20.43, weight: 6, spots: ['μετά το βενζινάδικο', 'στη στροφή πριν τα Λέπεδα'] },
  { el: 'Παραλία Λέπεδα', lat: 38.1825, long: 20.4225, weight: 4, spots: ['στον χώρο στάθμευσης', 'στην κάθοδο προς την αμμουδιά'] },
  { el: 'Παραλία Ξι', lat: 38.17, long: 20.408, weight: 4, spots: ['στον δρόμο προς την παραλία', 'στο πάρκινγκ'] },
  { el: 'Παραλία Πετανοί', lat: 38.242, long: 20.386, weight: 3, spots: ['στις στροφές της καθόδου', 'στο τέλος του δρόμου'] },
  { el: 'Μονή Κηπουραίων', lat: 38.205, long: 20.338, weight: 2, spots: ['στον δρόμο προς τη μονή'] },
  { el: 'Βουνί', lat: 38.2135, long: 20.419, weight: 3, spots: ['στην πλατεία του χωριού', 'στην είσοδο του χωριού'] },
  { el: 'Κουβαλάτα', lat: 38.1955, long: 20.4055, weight: 3, spots: ['δίπλα στην εκκλησία', 'στον κεντρικό δρόμο'] },
  { el: 'Αγία Θέκλη', lat: 38.189, long: 20.3885, weight: 2, spots: ['στην πλατεία', 'στον δρόμο προς Μαντζαβινάτα'] },
  { el: 'Χαυριάτα', lat: 38.191, long: 20.3545, weight: 2, spots: ['στο ξωκλήσι', 'στην είσοδο του χωριού'] },
  { el: 'Χαβδάτα', lat: 38.2015, long: 20.383, weight: 3, spots: ['στο σχολείο', 'στην πλατεία'] },
  { el: 'Δαμουλιανάτα', lat: 38.214, long: 20.387, weight: 2, spots: ['στον κεντρικό δρόμο'] },
  { el: 'Καμιναράτα', lat: 38.2165, long: 20.3975, weight: 2, spots: ['στην πλατεία', 'στη στροφή της εκκλησίας'] },
  { el: 'Κοντογενάδα', lat: 38.2345, long: 20.412, weight: 2, spots: ['στην πλατεία'] },
  { el: 'Μαντζαβινάτα', lat: 38.194, long: 20.3845, weight: 2, spots: ['στον δρόμο προς Χαυριάτα', 'στην πλατεία'] },
  { el: 'Μονοπολάτα', lat: 38.183, long: 20.3995, weight: 2, spots: ['στην είσοδο του χωριού'] },
  { el: 'Ρίφι', lat: 38.233, long: 20.405, weight: 1, spots: ['στον κεντρικό δρόμο'] },
  { el: 'Σκηνέας', lat: 38.245, long: 20.415, weight: 1, spots: ['στην πλατεία'] },
  { el: 'Σουλλάροι', lat: 38.1885, long: 20.372, weight: 2, spots: ['δίπλα στη δεξαμενή', 'στην πλατεία'] },
  { el: 'Φαβάτα', lat: 38.252, long: 20.413, weight: 1, spots: ['στον κεντρικό δρόμο'] },
  { el: 'Άγιος Δημήτριος', lat: 38.269, long: 20.416, weight: 2, spots: ['στην πλατεία', 'στη στάση του λεωφορείου'] },
  { el: 'Αθέρας', lat: 38.311, long: 20.4175, weight: 2, spots: ['στον δρόμο προς την παραλία Αθέρα', 'στην πλατεία'] },
  { el: 'Καλάτα', lat: 38.2705, long: 20.4, weight: 1, spots: ['στον κεντρικό δρόμο'] },
  { el: 'Κουρουκλάτα', lat: 38.2775, long: 20.422, weight: 1, spots: ['στην είσοδο του χωριού'] },
  { el: 'Λιβάδι', lat: 38.252, long: 20.447, weight: 2, spots: ['στον δρόμο του κόλπου', 'δίπλα στο γήπεδο'] },
  { el: 'Βιλατόρια', lat: 38.233, long: 20.425, weight: 1, spots: ['στην πλατεία'] },
];

// The citizen's words by type; «%» is the spot. A type of another installation gets the generic ones.
const DESCRIPTIONS: Readonly<Record<string, readonly string[]>> = {
  pothole: [
    'Μεγάλη λακκούβα % γεμίζει νερό όταν βρέχει και τα αυτοκίνητα τη βρίσκουν απότομα.',
    'Έχει φύγει η άσφαλτος % σε μήκος δύο μέτρων, κίνδυνος για τα μηχανάκια.',
    'Λακκούβα % ακριβώς στη διάβαση των πεζών, σκοντάφτουν οι ηλικιωμένοι.',
    'Σπασμένο πεζοδρόμιο %, λείπουν πλάκες και εξέχουν σίδερα.',
    'Μετά τις βροχές άνοιξε τρύπα στον δρόμο %, έχουν βάλει μια πέτρα για σημάδι.',
  ],
  streetlight: [
    'Ο φανοστάτης % δεν ανάβει εδώ και μια εβδομάδα, ο δρόμος είναι σκοτεινός το βράδυ.',
    'Αναβοσβήνει συνέχεια η λάμπα %.',
    'Δύο συνεχόμενοι φανοστάτες % είναι σβηστοί.',
    'Η λάμπα % μένει αναμμένη όλη τη μέρα.',
    'Σβηστός φωτισμός %, τα παιδιά γυρίζουν από το φροντιστήριο στο σκοτάδι.',
  ],
  'overflowing-bins': [
    'Οι κάδοι % ξεχειλίζουν, τα σκουπίδια είναι στον δρόμο και μυρίζουν.',
    'Δεν πέρασε το απορριμματοφόρο %, οι κάδοι είναι γεμάτοι τρεις μέρες.',
    'Ο μπλε κάδος ανακύκλωσης % είναι γεμάτος, οι σακούλες μένουν δίπλα.',
    'Γεμάτοι κάδοι % μετά το πανηγύρι, τα σκυλιά σκορπίζουν τα σκουπίδια.',
  ],
  'bulky-items': [
    'Παρακαλώ για παραλαβή ενός παλιού καναπέ και ενός στρώματος %.',
    'Έχουν αφήσει ένα ψυγείο και μια κουζίνα δίπλα στους κάδους %.',
    'Κλαδιά και ογκώδη αντικείμενα από καθαρισμό σπιτιού %, χρειάζεται φορτηγό.',
    'Παλιά έπιπλα πεταμένα % εδώ και μέρες.',
  ],
  'water-leak': [
    'Τρέχει νερό από το οδόστρωμα % από χθες το βράδυ.',
    'Σπασμένος σωλήνας ύδρευσης %, έχει πλημμυρίσει ο δρόμος.',
    'Διαρροή από το φρεάτιο του μετρητή %.',
    'Χαμηλή πίεση και νερό που τρέχει στο πεζοδρόμιο %.',
  ],
  'stray-animals': [
    'Αγέλη αδέσποτων σκύλων % γαβγίζει και κυνηγά τους περαστικούς.',
    'Τραυματισμένος σκύλος % δεν μπορεί να περπατήσει.',
    'Ένα κουτάβι εγκαταλειμμένο % χωρίς νερό.',
    'Αδέσποτος σκύλος ξαπλώνει στη μέση του δρόμου %, φοβούνται τα παιδιά.',
  ],
  'fallen-tree': [
    'Έπεσε δέντρο από τον αέρα % και κλείνει το μισό δρόμο.',
    'Μεγάλο κλαδί κρέμεται πάνω από τον δρόμο % και κινδυνεύει να πέσει.',
    'Πεσμένος ευκάλυπτος % μετά την καταιγίδα.',
  ],
  pruning: [
    'Τα κλαδιά των δέντρων % ακουμπούν στα καλώδια.',
    'Οι θάμνοι % έχουν κλείσει το πεζοδρόμιο, περπατάμε στον δρόμο.',
    'Τα δέντρα % κρύβουν την πινακίδα STOP.',
    'Χρειάζεται κλάδεμα % — τα κλαδιά μπαίνουν στα μπαλκόνια.',
  ],
  'damaged-bench': [
    'Σπασμένο παγκάκι %, λείπουν δύο σανίδες.',
    'Το παγκάκι % κουνιέται, έχουν φύγει οι βίδες από τη βάση.',
    'Καταστράφηκε ο κάδος και το παγκάκι % από βανδαλισμό.',
  ],
  playground: [
    'Η κούνια της παιδικής χαράς % έχει σπασμένη αλυσίδα.',
    'Λείπει το προστατευτικό δάπεδο κάτω από την τσουλήθρα %.',
    'Η πόρτα της παιδικής χαράς % δεν κλείνει και βγαίνουν τα παιδιά στον δρόμο.',
    'Σκουριασμένο μεταλλικό παιχνίδι % με αιχμηρές άκρες.',
  ],
};
const GENERIC = ['Πρόβλημα % που χρειάζεται τη βοήθεια της υπηρεσίας.', 'Παρακαλώ να το δει η υπηρεσία: %.'];

const REPLIES: Readonly<Record<string, readonly string[]>> = {
  pothole: ['Το συνεργείο οδοποιίας θα περάσει μέσα στην εβδομάδα με ψυχρή άσφαλτο.', 'Έχει μπει στο πρόγραμμα ασφαλτοστρώσεων του μήνα.'],
  streetlight: ['Παραγγείλαμε λαμπτήρα LED· θα αντικατασταθεί μόλις έρθει.', 'Το συνεργείο ηλεκτροφωτισμού θα περάσει την Πέμπτη.'],
  'overflowing-bins': ['Προστέθηκε έκτακτο δρομολόγιο για αύριο το πρωί.', 'Το απορριμματοφόρο είχε βλάβη· θα περάσει σήμερα.'],
  'bulky-items': ['Η παραλαβή ογκωδών γίνεται κάθε Τετάρτη· σας έχουμε στο πρόγραμμα.'],
  'water-leak': ['Συνεργείο της ΔΕΥΑΛ είναι ήδη καθ’ οδόν.', 'Θα χρειαστεί διακοπή νερού για λίγες ώρες· θα ενημερωθούν οι κάτοικοι.'],
  'stray-animals': ['Ενημερώθηκε ο κτηνίατρος του Δήμου και η φιλοζωική ομάδα.'],
  'fallen-tree': ['Το συνεργείο πρασίνου θα το απομακρύνει σήμερα.'],
  pruning: ['Έχει μπει στο πρόγραμμα κλαδεμάτων της περιοχής.'],
  'damaged-bench': ['Θα αντικατασταθούν οι σανίδες από το συνεργείο του Δήμου.'],
  playground: ['Η παιδική χαρά θα ελεγχθεί από τον αρμόδιο τεχνικό ασφαλείας.'],
};
const GENERIC_REPLIES = ['Η υπηρεσία το εξετάζει και θα σας ενημερώσει.'];

const FIX_NOTES: Readonly<Record<string, readonly string[]>> = {
  pothole: ['Η λακκούβα μπαζώθηκε και ασφαλτοστρώθηκε.'],
  streetlight: ['Αντικαταστάθηκε ο λαμπτήρας με LED.'],
  'overflowing-bins': ['Οι κάδοι αδειάστηκαν και πλύθηκαν.'],
  'bulky-items': ['Τα αντικείμενα παραλήφθηκαν.'],
  'water-leak': ['Η βλάβη του αγωγού επισκευάστηκε.'],
  'stray-animals': ['Το ζώο περισυνελέχθηκε και φροντίζεται.'],
  'fallen-tree': ['Το δέντρο κόπηκε και απομακρύνθηκε.'],
  pruning: ['Έγινε κλάδεμα.'],
  'damaged-bench': ['Το παγκάκι επισκευάστηκε.'],
  playground: ['Επισκευάστηκε ο εξοπλισμός.'],
};

const NOT_MUNICIPAL = [
  'Ο δρόμος είναι επαρχιακός· αρμόδια είναι η Περιφέρεια Ιονίων Νήσων, στην οποία διαβιβάσαμε την αναφορά.',
  'Πρόκειται για ιδιωτικό οικόπεδο· ο ιδιοκτήτης έχει την ευθύνη.',
  'Ο στύλος ανήκει στον ΔΕΔΔΗΕ· η βλάβη δηλώθηκε στο 11500.',
  'Ο χώρος ανήκει στον Οργανισμό Λιμένα· ενημερώθηκε το Λιμεναρχείο.',
];
const CLOSED = ['Κατά τον έλεγχο δεν βρέθηκε πρόβλημα στο σημείο.', 'Η αναφορά δεν έχει αρκετά στοιχεία για να βρεθεί το σημείο· στείλτε νέα με φωτογραφία.'];

/** How often each type is reported in a year (the shipped types); others share what is left. */
const WEIGHTS: Readonly<Record<string, number>> = { pothole: 18, streetlight: 16, 'overflowing-bins': 15, 'bulky-items': 10, 'water-leak': 10, 'stray-animals': 7, 'fallen-tree': 5, pruning: 8, 'damaged-bench': 5, playground: 6 };

const TEXT_ANSWERS: Readonly<Record<string, string>> = { items: 'Καναπές, στρώμα, παλιό ψυγείο', pole_number: '', safety_note: '' };

export interface FixtureRequest {
  readonly requestId: string;
  readonly events: readonly RequestEvent[];
}

const weighted = <T>(rng: ReturnType<typeof seeded>, items: readonly T[], weightOf: (item: T) => number): T => {
  const total = items.reduce((s, i) => s + weightOf(i), 0);
  let x = rng.next() * total;
  for (const item of items) {
    x -= weightOf(item);
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
};

/**
 * The fixture requests as of `asOf` (the day they are loaded: the figures' last 12 months are full), oldest
 * first, every duplicate after the request it was merged into. The same `asOf` gives the same events.
 */
export const fixtureRequests = (types: readonly RequestType[], asOf: Date, count = FIXTURE_REQUESTS): FixtureRequest[] => {
  const rng = seeded(20_261_207);
  const end = asOf.getTime();
  const start = end - 365 * DAY;
  // Report times spread over the year, a little more in summer (the island's visitors), by day from 07:00 to 23:00.
  const times = Array.from({ length: count }, () => {
    let t = start + rng.next() * (end - start - 2 * HOUR);
    const hourUtc = new Date(t).getUTCHours();
    if (hourUtc < 4 || hourUtc > 20) t += 8 * HOUR;
    return Math.min(t, end - HOUR);
  }).sort((a, b) => a - b);
  const states = new Map<string, ServiceRequest>();
  const made: { requestId: string; type: RequestType; at: number; events: RequestEvent[]; place: Place; spot: string; lat: number; long: number }[] = [];
  const duplicates: FixtureRequest[] = [];
  times.forEach((at, n) => {
    const type = weighted(rng, types, (t) => WEIGHTS[t.code] ?? 4);
    const requestId = fixtureRequestId(n + 1);
    const events: RequestEvent[] = [];
    let state = initialRequest();
    const apply = (decided: readonly RequestEvent[]): void => {
      events.push(...decided);
      state = decided.reduce(evolveRequest, state);
    };
    // A duplicate: the same problem reported again near an earlier request of its type, still open then.
    const earlier = made.filter((m) => m.type.code === type.code && at - m.at < 20 * DAY && states.get(m.requestId)?.stage !== 'duplicate');
    const original = rng.chance(0.04) && earlier.length > 0 ? rng.pick(earlier) : null;
    const place = original?.place ?? weighted(rng, PLACES, (p) => p.weight);
    const spot = original?.spot ?? rng.pick(place.spots);
    const jitter = (): number => (rng.next() - 0.5) * 0.003;
    const clampLat = (v: number): number => Math.min(LIXOURI_BOUNDS.north - 0.001, Math.max(LIXOURI_BOUNDS.south + 0.001, v));
    const clampLong = (v: number): number => Math.min(LIXOURI_BOUNDS.east - 0.001, Math.max(LIXOURI_BOUNDS.west + 0.001, v));
    const lat = Number(clampLat(original ? original.lat + jitter() / 10 : place.lat + jitter()).toFixed(6));
    const long = Number(clampLong(original ? original.long + jitter() / 10 : place.long + jitter()).toFixed(6));
    const attributes: Record<string, string[]> = {};
    for (const a of type.attributes) {
      if (!a.variable) continue;
      if (a.datatype === 'singlevaluelist' && (a.required || rng.chance(0.5))) attributes[a.code] = [rng.pick(a.values).key];
      else if (a.datatype === 'multivaluelist' && (a.required || rng.chance(0.5))) attributes[a.code] = [...new Set([rng.pick(a.values).key, rng.pick(a.values).key])];
      else if (a.required && (a.datatype === 'text' || a.datatype === 'string')) attributes[a.code] = [TEXT_ANSWERS[a.code] || type.name.el];
      else if (a.required && a.datatype === 'number') attributes[a.code] = ['1'];
    }
    const agency = `${type.agency.el} / ${type.agency.en}`;
    const iso = (t: number): string => new Date(t).toISOString();
    apply(
      submitRequest(state, {
        requestId,
        serviceCode: type.code,
        description: rng.pick(DESCRIPTIONS[type.code] ?? GENERIC).replace('%', spot),
        lat,
        long,
        address: `${place.el}, ${spot}`,
        addressId: null,
        mediaUrl: null,
        attributes,
        agency,
        requestedAt: iso(at),
        expectedAt: type.expectedDays === null ? null : iso(at + type.expectedDays * DAY),
      }),
    );
    let now = at;
    /** The next step `days` later, if it has happened by `asOf`. */
    const later = (days: number): boolean => {
      const next = now + Math.max(0.02, days) * DAY;
      if (next >= end) return false;
      now = next;
      return true;
    };
    const supports = (upTo: number): void => {
      for (let s = rng.int(0, upTo); s > 0; s--) if (state.stage !== 'none' && ['open', 'acknowledged', 'in_progress'].includes(state.stage) && later(rng.next() * 2)) apply(supportRequest(state, { at: iso(now) }));
    };
    const expectedDays = type.expectedDays ?? 14;
    if (original) {
      if (later(rng.next() * 2)) {
        const target = states.get(original.requestId)!;
        try {
          apply(mergeRequest(state, target, { at: iso(now) }));
        } catch {
          // the original closed meanwhile: this one stays a report of its own
        }
      }
    } else {
      const roll = rng.next();
      const stage = (s: RequestStage, notes: string | null): void => apply(changeRequestStatus(state, { stage: s, statusNotes: notes, at: iso(now) }));
      if (roll < 0.05) {
        if (later(0.5 + rng.next() * 3)) stage('not_municipal', rng.pick(NOT_MUNICIPAL));
      } else if (roll < 0.08) {
        if (later(1 + rng.next() * 5)) stage('closed', rng.pick(CLOSED));
      } else {
        // Some departments keep up, some fall behind: the time to fix is the aim times a spread factor.
        const factor = rng.chance(0.2) ? 1.3 + rng.next() * 2 : 0.2 + rng.next() * 0.9;
        const total = expectedDays * factor;
        // The backlog: a few wait for a crew, a part or a budget line, and stay open well past their date.
        const stalls = rng.chance(0.07);
        supports(2);
        if (later(Math.min(total * 0.15, 0.2 + rng.next() * 2))) {
          stage('acknowledged', null);
          // Now and then the office sends it to another department than the type's.
          if (rng.chance(0.08)) {
            const other = rng.pick(types.filter((t) => t.department !== type.department));
            if (other) apply(assignRequest(state, { department: other.department, agency: `${other.agency.el} / ${other.agency.en}`, at: iso(now) }));
          } else if (rng.chance(0.6)) apply(assignRequest(state, { department: type.department, agency, at: iso(now) }));
          if ((!stalls || rng.chance(0.5)) && later(total * 0.3)) {
            stage('in_progress', null);
            if (rng.chance(0.6)) apply(replyToRequest(state, { text: rng.pick(REPLIES[type.code] ?? GENERIC_REPLIES), at: iso(now) }));
            if (rng.chance(0.3)) apply(setExpectedDate(state, { expectedAt: iso(Math.ceil((at + total * 1.1 * DAY) / DAY) * DAY), at: iso(now) }));
            supports(1);
            if (!stalls && later(total * 0.55)) {
              stage('fixed', rng.pick(FIX_NOTES[type.code] ?? ['Αποκαταστάθηκε.']));
              // A few are not fixed after all: their reporter reopens them, and the service comes back.
              if (rng.chance(0.03) && later(1 + rng.next() * 10)) {
                apply(reopenRequest(state, { reason: 'Το πρόβλημα εμφανίστηκε ξανά.', at: iso(now) }));
                if (later(2 + rng.next() * 5)) stage('fixed', 'Έγινε νέα, οριστική επισκευή.');
              }
            }
          }
        }
      }
    }
    states.set(requestId, state);
    const entry = { requestId, type, at, events, place, spot, lat, long };
    if (state.stage === 'duplicate') duplicates.push({ requestId, events });
    else made.push(entry);
  });
  // Each original before its duplicates: the read model counts the duplicate as the original's support.
  return [...made.map((m) => ({ requestId: m.requestId, events: m.events })), ...duplicates];
};

/** Appends the fixture requests not yet in the store (a stream that exists is left as it is); answers how many. */
export const loadRequestFixtures = async (store: EventStore, types: readonly RequestType[], asOf: Date, io?: Pick<CliIo, 'stdout'>): Promise<number> => {
  let appended = 0;
  for (const r of fixtureRequests(types, asOf)) {
    try {
      await store.append(streams.request(r.requestId), r.events.map((e) => ({ type: e.type, data: e.data, metadata: { actor: 'opendimos:fixtures' } })), { expectedRevision: 'no_stream' });
      appended += 1;
    } catch (error) {
      if (!isExpectedRevisionConflict(error)) throw error;
    }
  }
  io?.stdout.write(`Φόρτωση / Loaded ${appended} δείγματα αναφορών / sample requests\n`);
  return appended;
};

/** Every fixture request's place is inside the bounds (what the API would refuse otherwise). */
export const fixturesWithinBounds = (requests: readonly FixtureRequest[]): boolean =>
  requests.every((r) => {
    const s = r.events[0];
    return s?.type === 'RequestSubmitted' && s.data.lat !== null && s.data.long !== null && withinBounds(LIXOURI_BOUNDS, s.data.lat, s.data.long);
  });
