// The requests context's refusals: an Open311 client reads them as the spec's error array
// (`[{ "code": 400, "description": "…" }]`, the description Greek then English), the site beside its fields.
import { refusals } from '../shared/errors.ts';

export const requestsErrors = refusals({
  OD_REQUEST_SERVICE_UNKNOWN: { status: 404, column: 'service_code', el: () => 'Δεν υπάρχει τέτοιο είδος αιτήματος', en: () => 'There is no such service_code' },
  OD_REQUEST_SERVICE_CODE_INVALID: {
    status: 400,
    column: 'service_code',
    el: () => 'Το service_code λείπει ή δεν είναι είδος αιτήματος του Δήμου',
    en: () => 'service_code is missing or is not one of the municipality’s services',
  },
  OD_REQUEST_UNKNOWN: { status: 404, column: 'service_request_id', el: () => 'Δεν υπάρχει τέτοιο αίτημα', en: () => 'There is no such service request' },
  OD_REQUEST_LOCATION_REQUIRED: {
    status: 400,
    column: 'lat',
    el: () => 'Δώστε τη θέση: lat και long, ή address_string, ή address_id',
    en: () => 'Give the location: lat and long, or address_string, or address_id',
  },
  OD_REQUEST_COORDINATES_INVALID: {
    status: 400,
    column: 'lat',
    el: () => 'Τα lat και long δίνονται μαζί, ως δεκαδικοί αριθμοί (WGS 84)',
    en: () => 'lat and long go together, as decimal numbers (WGS 84)',
  },
  OD_REQUEST_OUTSIDE_MUNICIPALITY: {
    status: 400,
    column: 'lat',
    el: (p: { bounds: string }) => `Η θέση είναι έξω από τα όρια του Δήμου (${p.bounds})`,
    en: (p: { bounds: string }) => `The location is outside the municipality (${p.bounds})`,
  },
  OD_REQUEST_DESCRIPTION_TOO_LONG: {
    status: 400,
    column: 'description',
    el: (p: { max: number }) => `Η περιγραφή ξεπερνά τους ${p.max} χαρακτήρες`,
    en: (p: { max: number }) => `The description is longer than ${p.max} characters`,
  },
  OD_REQUEST_FIELD_TOO_LONG: {
    status: 400,
    column: null,
    el: (p: { column: string; max: number }) => `Το ${p.column} ξεπερνά τους ${p.max} χαρακτήρες`,
    en: (p: { column: string; max: number }) => `${p.column} is longer than ${p.max} characters`,
  },
  OD_REQUEST_EMAIL_INVALID: { status: 400, column: 'email', el: () => 'Η διεύθυνση e-mail δεν είναι έγκυρη', en: () => 'The e-mail address is not valid' },
  OD_REQUEST_PHONE_INVALID: { status: 400, column: 'phone', el: () => 'Ο αριθμός τηλεφώνου δεν είναι έγκυρος', en: () => 'The phone number is not valid' },
  OD_REQUEST_MEDIA_URL_INVALID: { status: 400, column: 'media_url', el: () => 'Το media_url πρέπει να είναι διεύθυνση https:// ή http://', en: () => 'media_url must be an https:// or http:// address' },
  OD_REQUEST_ATTRIBUTE_INVALID: {
    status: 400,
    column: null,
    el: (p: { column: string; reasonEl: string; reasonEn: string }) => `Το ${p.column}: ${p.reasonEl}`,
    en: (p: { column: string; reasonEl: string; reasonEn: string }) => `${p.column}: ${p.reasonEn}`,
  },
  OD_REQUEST_CLOSED: { status: 409, column: null, el: () => 'Το αίτημα έχει κλείσει', en: () => 'The service request is closed' },
  OD_REQUEST_STATUS_INVALID: { status: 400, column: 'status', el: () => 'Η κατάσταση είναι open ή closed', en: () => 'The status is open or closed' },
  OD_REQUEST_DATE_INVALID: {
    status: 400,
    column: null,
    el: (p: { column: string }) => `Το ${p.column} θέλει ημερομηνία W3C με ζώνη ώρας (π.χ. 2026-05-04T08:00:00Z)`,
    en: (p: { column: string }) => `${p.column} takes a W3C date-time with its time zone (e.g. 2026-05-04T08:00:00Z)`,
  },
  OD_REQUEST_API_KEY_INVALID: { status: 403, column: 'api_key', el: () => 'Το api_key λείπει ή δεν είναι έγκυρο', en: () => 'api_key is missing or not valid' },
  OD_REQUEST_STAGE_INVALID: {
    status: 400,
    column: 'stage',
    el: () => 'Το στάδιο είναι ένα από: ανοιχτό, παραλήφθηκε, σε εξέλιξη, αποκαταστάθηκε, έκλεισε, διπλή αναφορά, εκτός αρμοδιότητας',
    en: () => 'The stage is one of: open, acknowledged, in progress, fixed, closed, duplicate, not municipal',
  },
  OD_REQUEST_DUPLICATE_BY_MERGE: {
    status: 400,
    column: 'stage',
    el: () => 'Διπλή αναφορά γίνεται με συγχώνευση στο αίτημα που μένει',
    en: () => 'A request becomes a duplicate by merging it into the one that stays',
  },
  OD_REQUEST_REASON_REQUIRED: {
    status: 400,
    column: 'status_notes',
    el: () => 'Γράψτε γιατί κλείνει (ο πολίτης το διαβάζει, και πού να απευθυνθεί)',
    en: () => 'Say why it is closed (the citizen reads it, and where to turn)',
  },
  OD_REQUEST_REPLY_REQUIRED: { status: 400, column: 'text', el: () => 'Γράψτε το κείμενο', en: () => 'Write the text' },
  OD_REQUEST_REPLY_TOO_LONG: {
    status: 400,
    column: 'text',
    el: (p: { max: number }) => `Το κείμενο ξεπερνά τους ${p.max} χαρακτήρες`,
    en: (p: { max: number }) => `The text is longer than ${p.max} characters`,
  },
  OD_REQUEST_EXPECTED_BEFORE_REQUESTED: {
    status: 400,
    column: 'expected_datetime',
    el: () => 'Η αναμενόμενη ημερομηνία είναι πριν από την υποβολή του αιτήματος',
    en: () => 'The expected date is before the request was made',
  },
  OD_REQUEST_MERGE_INVALID: {
    status: 409,
    column: 'into',
    el: () => 'Συγχώνευση γίνεται από ανοιχτό αίτημα σε άλλο αίτημα που δεν είναι διπλή αναφορά',
    en: () => 'A merge goes from an open request into another request that is not a duplicate',
  },
  OD_REQUEST_NOT_FIXED: { status: 409, column: null, el: () => 'Ξανανοίγει μόνο αίτημα που σημειώθηκε ως αποκατεστημένο', en: () => 'Only a request marked fixed can be reopened' },
  OD_REQUEST_REOPEN_TOO_LATE: {
    status: 409,
    column: null,
    el: (p: { days: number }) => `Πέρασαν οι ${p.days} ημέρες από την αποκατάσταση· κάντε νέα αναφορά`,
    en: (p: { days: number }) => `The ${p.days} days after the fix have passed; make a new report`,
  },
});
