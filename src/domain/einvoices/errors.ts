// The e-invoices context's refusals: the supplier reads them on the invoices and messages pages, the
// finance department on its queue. An invalid invoice is not one refusal but a list of problems (check.ts).
import { refusals } from '../shared/errors.ts';

export const MAX_THREAD_TEXT = 4000;
export const MAX_THREAD_FILES = 3;

export const einvoicesErrors = refusals({
  OD_EINVOICE_INVALID: {
    column: null,
    el: (p: { readonly count: number }) => `Το τιμολόγιο δεν καταχωρίστηκε: ${p.count} πρόβλημα(τα) — δείτε τον κατάλογο`,
    en: (p: { readonly count: number }) => `The invoice was not recorded: ${p.count} problem(s), see the list`,
  },
  OD_EINVOICE_DUPLICATE: {
    column: 'number',
    status: 409,
    el: (p: { readonly number: string; readonly year: number }) => `Έχετε ήδη υποβάλει τιμολόγιο με αριθμό ${p.number} για το ${p.year}`,
    en: (p: { readonly number: string; readonly year: number }) => `You already sent an invoice numbered ${p.number} for ${p.year}`,
  },
  OD_EINVOICE_NOT_COMPANY: {
    column: null,
    status: 403,
    el: () => 'Τιμολόγια υποβάλλει μόνο νομικό πρόσωπο (με τους κωδικούς TaxisNet της εταιρείας ή ως νόμιμος εκπρόσωπός της)',
    en: () => "Only a legal entity sends invoices (with the company's TaxisNet credentials, or as its legal representative)",
  },
  OD_SUPPLIER_THREAD_TEXT_EMPTY: { column: 'text', el: () => 'Γράψτε το μήνυμά σας', en: () => 'Write your message' },
  OD_SUPPLIER_THREAD_TEXT_TOO_LONG: {
    column: 'text',
    el: () => `Το μήνυμα ξεπερνά τους ${MAX_THREAD_TEXT} χαρακτήρες`,
    en: () => `The message is longer than ${MAX_THREAD_TEXT} characters`,
  },
  OD_SUPPLIER_THREAD_TOO_MANY_FILES: {
    column: 'files',
    el: () => `Έως ${MAX_THREAD_FILES} συνημμένα ανά μήνυμα`,
    en: () => `At most ${MAX_THREAD_FILES} attachments per message`,
  },
  OD_SUPPLIER_THREAD_CLOSED: { column: null, status: 409, el: () => 'Η συζήτηση έχει κλείσει', en: () => 'The conversation is closed' },
  OD_SUPPLIER_THREAD_UNKNOWN: { column: null, status: 404, el: () => 'Δεν βρέθηκε η συζήτηση', en: () => 'Conversation not found' },
  OD_SUPPLIER_THREAD_TOPIC_UNKNOWN: {
    column: 'topic',
    el: () => 'Το έγγραφο δεν βρέθηκε στις αναλήψεις υποχρέωσης ή στα τιμολόγιά σας: γράψτε τον ΑΔΑ της ανάληψης ή διαλέξτε τιμολόγιο',
    en: () => 'The document is not among your commitments or invoices: give the commitment’s ΑΔΑ or choose an invoice',
  },
});
