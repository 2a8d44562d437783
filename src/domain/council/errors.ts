// The council context's refusals: the secretary reads them beside the office's forms, an import in its report.
import { refusals } from '../shared/errors.ts';

interface OfMember {
  readonly personId: string;
}
interface OfItem {
  readonly item: number;
}

export const councilErrors = refusals({
  OD_COUNCIL_BODY_UNKNOWN: { status: 404, column: 'body', el: (p: { bodyId: string }) => `Δεν υπάρχει όργανο «${p.bodyId}»`, en: (p: { bodyId: string }) => `There is no body "${p.bodyId}"` },
  OD_COUNCIL_BODY_EXISTS: { status: 409, column: 'body', el: (p: { bodyId: string }) => `Το όργανο «${p.bodyId}» υπάρχει ήδη`, en: (p: { bodyId: string }) => `Body "${p.bodyId}" already exists` },
  OD_COUNCIL_SESSION_UNKNOWN: { status: 404, column: 'session', el: () => 'Δεν υπάρχει τέτοια συνεδρίαση', en: () => 'There is no such session' },
  OD_COUNCIL_SESSION_EXISTS: { status: 409, column: 'session', el: () => 'Η συνεδρίαση έχει ήδη συγκληθεί', en: () => 'The session has already been convened' },
  OD_COUNCIL_SESSION_CLOSED: { status: 409, column: 'session', el: () => 'Η συνεδρίαση έχει λήξει', en: () => 'The session is closed' },
  OD_COUNCIL_TEXT_MISSING: { column: null, el: (p: { field: string }) => `Λείπει: ${p.field}`, en: (p: { field: string }) => `Missing: ${p.field}` },
  OD_COUNCIL_DATE_INVALID: { column: 'date', el: (p: { value: string }) => `Μη έγκυρη ημερομηνία ή ώρα: «${p.value}»`, en: (p: { value: string }) => `Invalid date or time: "${p.value}"` },
  OD_COUNCIL_URL_INVALID: { column: 'streamUrl', el: () => 'Ο σύνδεσμος της μετάδοσης πρέπει να είναι https://', en: () => 'The stream link must be an https:// address' },
  OD_COUNCIL_FACTION_UNKNOWN: { column: 'faction', el: (p: { factionId: string }) => `Δεν υπάρχει παράταξη «${p.factionId}»`, en: (p: { factionId: string }) => `There is no faction "${p.factionId}"` },
  OD_COUNCIL_ALREADY_MEMBER: { status: 409, column: 'person', el: (p: OfMember) => `Ο/Η ${p.personId} είναι ήδη μέλος του οργάνου`, en: (p: OfMember) => `${p.personId} is already a member of the body` },
  OD_COUNCIL_NOT_MEMBER: {
    column: 'person',
    el: (p: OfMember) => `Ο/Η ${p.personId} δεν είναι μέλος του οργάνου στη θητεία αυτή`,
    en: (p: OfMember) => `${p.personId} is not a member of the body in office`,
  },
  OD_COUNCIL_MEMBER_ABSENT: {
    column: 'person',
    el: (p: OfMember) => `Ο/Η ${p.personId} δεν είναι παρών/παρούσα· δεν ψηφίζει`,
    en: (p: OfMember) => `${p.personId} is not present and cannot vote`,
  },
  OD_COUNCIL_ALREADY_PRESENT: { status: 409, column: 'person', el: (p: OfMember) => `Ο/Η ${p.personId} είναι ήδη παρών/παρούσα`, en: (p: OfMember) => `${p.personId} is already present` },
  OD_COUNCIL_END_BEFORE_START: { column: 'date', el: () => 'Η λήξη είναι πριν από την έναρξη', en: () => 'The end is before the start' },
  OD_COUNCIL_AGENDA_INVALID: {
    column: 'items',
    el: () => 'Η ημερήσια διάταξη θέλει θέματα με αριθμούς 1, 2, 3… χωρίς κενά, και τίτλο το καθένα',
    en: () => 'The agenda needs items numbered 1, 2, 3… without gaps, each with a title',
  },
  OD_COUNCIL_ITEM_UNKNOWN: { status: 404, column: 'item', el: (p: OfItem) => `Δεν υπάρχει θέμα ${p.item} στην ημερήσια διάταξη`, en: (p: OfItem) => `There is no item ${p.item} on the agenda` },
  OD_COUNCIL_ITEM_RESOLVED: { status: 409, column: 'item', el: (p: OfItem) => `Το θέμα ${p.item} έχει ήδη κριθεί`, en: (p: OfItem) => `Item ${p.item} has already been decided` },
  OD_COUNCIL_ITEM_NOT_RESOLVED: { status: 409, column: 'item', el: (p: OfItem) => `Το θέμα ${p.item} δεν έχει κριθεί ακόμη`, en: (p: OfItem) => `Item ${p.item} has not been decided yet` },
  OD_COUNCIL_VOTE_NOT_CAST: {
    column: 'person',
    el: (p: OfMember & OfItem) => `Ο/Η ${p.personId} δεν έχει ψηφίσει στο θέμα ${p.item}· δεν υπάρχει τι να διορθωθεί`,
    en: (p: OfMember & OfItem) => `${p.personId} has no vote on item ${p.item} to correct`,
  },
  OD_COUNCIL_NO_QUORUM: {
    column: null,
    el: (p: { present: number; needed: number }) => `Δεν υπάρχει απαρτία: παρόντες ${p.present}, χρειάζονται τουλάχιστον ${p.needed}`,
    en: (p: { present: number; needed: number }) => `No quorum: ${p.present} present, at least ${p.needed} needed`,
  },
  OD_COUNCIL_URGENT_REFUSED: {
    column: 'item',
    el: (p: { for: number; needed: number }) => `Το κατεπείγον δεν έγινε δεκτό: υπέρ ${p.for}, χρειάζονται ${p.needed}`,
    en: (p: { for: number; needed: number }) => `The urgent item was not admitted: ${p.for} for, ${p.needed} needed`,
  },
  OD_COUNCIL_ALREADY_VOTED: {
    status: 409,
    column: 'person',
    el: (p: OfMember & OfItem) => `Ο/Η ${p.personId} έχει ήδη ψηφίσει στο θέμα ${p.item}· μια αλλαγή καταχωρίζεται ως διόρθωση`,
    en: (p: OfMember & OfItem) => `${p.personId} has already voted on item ${p.item}; a change is recorded as a correction`,
  },
  OD_COUNCIL_ADA_EXISTS: { status: 409, column: 'ada', el: (p: OfItem) => `Το θέμα ${p.item} έχει ήδη ΑΔΑ`, en: (p: OfItem) => `Item ${p.item} already has an ΑΔΑ` },
  OD_COUNCIL_REASON_MISSING: { column: 'reason', el: () => 'Μια διόρθωση θέλει αιτιολογία', en: () => 'A correction needs a reason' },
});
