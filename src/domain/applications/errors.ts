// The applications context's refusals: a citizen reads them on the forms and pages, staff in the office.
import { refusals } from '../shared/errors.ts';

export const applicationsErrors = refusals({
  OD_SERVICE_UNKNOWN: { status: 404, column: null, el: () => 'Δεν υπάρχει τέτοια υπηρεσία', en: () => 'There is no such service' },
  OD_APPLICATION_UNKNOWN: { status: 404, column: null, el: () => 'Δεν υπάρχει τέτοια αίτηση', en: () => 'There is no such application' },
  OD_APPLICATION_INVALID: { status: 400, column: null, el: () => 'Η αίτηση έχει λάθη: δείτε τα πεδία', en: () => 'The application has errors: see the fields' },
  OD_APPLICANT_NOT_ELIGIBLE: {
    status: 403,
    column: null,
    el: (p: { applicants: 'person' | 'company' }) => (p.applicants === 'person' ? 'Την υπηρεσία αυτή τη ζητούν μόνο φυσικά πρόσωπα' : 'Την υπηρεσία αυτή τη ζητούν μόνο επιχειρήσεις'),
    en: (p: { applicants: 'person' | 'company' }) => (p.applicants === 'person' ? 'Only persons may apply for this service' : 'Only companies may apply for this service'),
  },
  OD_APPLICATION_CLOSED: { status: 409, column: null, el: () => 'Η αίτηση έχει κλείσει', en: () => 'The application is closed' },
  OD_APPLICATION_FEE_UNPAID: { status: 409, column: null, el: () => 'Το τέλος της αίτησης δεν έχει πληρωθεί', en: () => 'The application fee has not been paid' },
  OD_APPLICATION_NOT_ASSIGNED: { status: 409, column: null, el: () => 'Η αίτηση δεν έχει χρεωθεί σε υπάλληλο', en: () => 'The application is not assigned to a member of staff' },
  OD_APPLICATION_NO_QUESTION: {
    status: 409,
    column: null,
    el: () => 'Δεν έχουν ζητηθεί συμπληρωματικά στοιχεία',
    en: () => 'No further information was asked for',
  },
  OD_APPLICATION_NOT_APPROVED: { status: 409, column: null, el: () => 'Η αίτηση δεν έχει εγκριθεί', en: () => 'The application is not approved' },
  OD_APPLICATION_REASON_REQUIRED: { status: 400, column: 'reason', el: () => 'Γράψτε την αιτιολογία', en: () => 'Write the reason' },
  OD_DOCUMENT_UNKNOWN: { status: 404, column: null, el: () => 'Δεν βρέθηκε έγγραφο με αυτόν τον κωδικό', en: () => 'No document has this code' },
});
