// The applications' messages: the applicant is told by e-mail at each step (filed, fee asked and paid, taken
// up, a question from staff, the answer received, refused with the reason, the document issued, withdrawn),
// at their verified address (the citizens read model). The texts are read from this batch's read models,
// which the applications projection wrote before the outbox runs. An instant service's result comes in one
// message, not three; a rebuild replaying old steps sends nothing (only steps of the last week are told).
import type { ApplicationEvent, ServiceDefinition } from '../../domain/index.ts';
import type { ProjectedEvent } from '../../eventstore/port.ts';
import type { SqlExecutor } from '../../eventstore/sql/client.ts';
import type { NotificationRule, OutboundMessage } from '../../notify/index.ts';
import { renderEmail } from '../../notify/index.ts';
import { CITIZENS } from '../identity/index.ts';
import { table } from '../shared/tables.ts';
import { APPLICATIONS } from './applicationsProjection.ts';

const RECENT_DAYS = 7;

type Texts = { readonly subject: string; readonly paragraphs: readonly string[] };
type Step = { readonly el: Texts; readonly en: Texts } | null;

interface Row {
  subject_id: string;
  email: string | null;
  service: string;
  question: string | null;
  reason: string | null;
  fee_amount: string | null;
  protocol_number: number | null;
  year: number | null;
  due_on: Date | string;
}

const day = (value: Date | string): string => (value instanceof Date ? value.toISOString() : String(value)).slice(0, 10).split('-').reverse().join('/');
const euro = (amount: string | null, lang: 'el' | 'en'): string => `${(amount ?? '0.00').replace('.', lang === 'el' ? ',' : '.')} €`;

const stepOf = (event: ApplicationEvent, row: Row, service: ServiceDefinition | undefined): Step => {
  const el = service?.title.el ?? row.service;
  const en = service?.title.en ?? row.service;
  const instant = service?.decision.kind === 'instant';
  switch (event.type) {
    case 'ApplicationSubmitted':
      return instant
        ? null
        : {
            el: { subject: `Η αίτησή σας «${el}» καταχωρίστηκε`, paragraphs: [`Λάβαμε την αίτησή σας «${el}». Η υπηρεσία θα απαντήσει έως τις ${day(row.due_on)}.`] },
            en: { subject: `Your application "${en}" was filed`, paragraphs: [`We received your application "${en}". The department will answer by ${day(row.due_on)}.`] },
          };
    case 'FeeRequested':
      return {
        el: { subject: `Τέλος ${euro(row.fee_amount, 'el')} για την αίτηση «${el}»`, paragraphs: [`Για να προχωρήσει η αίτησή σας, πληρώστε το τέλος ${euro(row.fee_amount, 'el')}: βρίσκεται στις οφειλές σας, με κωδικό RF για e-banking ή πληρωμή με κάρτα.`] },
        en: { subject: `Fee of ${euro(row.fee_amount, 'en')} for your application "${en}"`, paragraphs: [`For your application to go ahead, pay the fee of ${euro(row.fee_amount, 'en')}: it is among your debts, with an RF code for e-banking or payment by card.`] },
      };
    case 'FeePaid':
      return {
        el: { subject: `Πληρώθηκε το τέλος της αίτησης «${el}»`, paragraphs: ['Λάβαμε το τέλος. Η αίτησή σας προχωρά στην αρμόδια υπηρεσία.'] },
        en: { subject: `The fee for "${en}" is paid`, paragraphs: ['We received the fee. Your application goes on to the department.'] },
      };
    case 'ApplicationAssigned':
      return {
        el: { subject: `Η αίτησή σας «${el}» εξετάζεται`, paragraphs: ['Ένας υπάλληλος της αρμόδιας υπηρεσίας ανέλαβε την αίτησή σας.'] },
        en: { subject: `Your application "${en}" is being handled`, paragraphs: ['A member of staff of the department has taken up your application.'] },
      };
    case 'InformationRequested':
      return {
        el: { subject: `Χρειάζονται συμπληρωματικά στοιχεία για την αίτηση «${el}»`, paragraphs: ['Η υπηρεσία ζητά:', row.question ?? '', 'Απαντήστε από τη σελίδα της αίτησης.'] },
        en: { subject: `More information is needed for "${en}"`, paragraphs: ['The department asks:', row.question ?? '', 'Answer from the application’s page.'] },
      };
    case 'InformationProvided':
      return {
        el: { subject: `Λάβαμε τα στοιχεία για την αίτηση «${el}»`, paragraphs: ['Η απάντησή σας καταχωρίστηκε και η εξέταση συνεχίζεται.'] },
        en: { subject: `We received your answer for "${en}"`, paragraphs: ['Your answer is recorded and the handling goes on.'] },
      };
    case 'ApplicationApproved':
      return null;
    case 'ApplicationRejected':
      return {
        el: { subject: `Η αίτησή σας «${el}» δεν εγκρίθηκε`, paragraphs: ['Αιτιολογία:', row.reason ?? ''] },
        en: { subject: `Your application "${en}" was not granted`, paragraphs: ['Reason:', row.reason ?? ''] },
      };
    case 'ApplicationDocumentIssued':
      return {
        el: { subject: `Εκδόθηκε: ${service?.document.title.el ?? el}`, paragraphs: [`Το έγγραφο εκδόθηκε με αριθμό πρωτοκόλλου ${row.protocol_number}/${row.year}, υπογεγραμμένο ηλεκτρονικά. Κατεβάστε το από τις αιτήσεις σας.`] },
        en: { subject: `Issued: ${service?.document.title.en ?? en}`, paragraphs: [`The document was issued with protocol number ${row.protocol_number}/${row.year}, signed electronically. Download it from your applications.`] },
      };
    case 'ApplicationWithdrawn':
      return {
        el: { subject: `Η αίτησή σας «${el}» ανακλήθηκε`, paragraphs: ['Ανακαλέσατε την αίτηση· δεν θα εξεταστεί.'] },
        en: { subject: `Your application "${en}" was withdrawn`, paragraphs: ['You withdrew the application; it will not be handled.'] },
      };
    default: {
      const _exhaustive: never = event;
      return null;
    }
  }
};

const TYPES = new Set<string>([
  'ApplicationSubmitted',
  'FeeRequested',
  'FeePaid',
  'ApplicationAssigned',
  'InformationRequested',
  'InformationProvided',
  'ApplicationApproved',
  'ApplicationRejected',
  'ApplicationDocumentIssued',
  'ApplicationWithdrawn',
]);

const atOf = (event: ApplicationEvent): string => (event.type === 'ApplicationSubmitted' ? event.data.submittedAt : event.type === 'ApplicationDocumentIssued' ? event.data.issuedAt : event.data.at);

export const applicationsNotifications =
  (schema: string, publicUrl: string, catalogue: readonly ServiceDefinition[], now: () => Date = () => new Date()): NotificationRule =>
  async (projected: ProjectedEvent, tx: SqlExecutor): Promise<readonly OutboundMessage[]> => {
    if (!TYPES.has(projected.type)) return [];
    const event = { type: projected.type, data: projected.data } as ApplicationEvent;
    if (Date.parse(atOf(event)) < now().getTime() - RECENT_DAYS * 86_400_000) return [];
    const [row] = await tx.query<Row>(
      `SELECT a.subject_id, c.email, a.service, a.question, a.reason, a.fee_amount, a.protocol_number, a.year, a.due_on
       FROM ${table(schema, APPLICATIONS)} a LEFT JOIN ${table(schema, CITIZENS)} c ON c.subject_id = a.subject_id WHERE a.application_id = $1`,
      [event.data.applicationId],
    );
    if (!row?.email) return [];
    const step = stepOf(event, row, catalogue.find((s) => s.code === row.service));
    if (step === null) return [];
    const link = `/my/applications/${event.data.applicationId}`;
    return [
      {
        key: `${projected.id}:email:application`,
        channel: 'email',
        subjectId: row.subject_id,
        to: row.email,
        email: renderEmail({
          el: { subject: step.el.subject, greeting: 'Καλημέρα σας,', paragraphs: step.el.paragraphs, action: { label: 'Η αίτησή μου', url: `${publicUrl}${link}` }, signature: 'Δήμος Ληξουρίου' },
          en: { subject: step.en.subject, greeting: 'Hello,', paragraphs: step.en.paragraphs, action: { label: 'My application', url: `${publicUrl}/en${link}` }, signature: 'Municipality of Lixouri' },
        }),
      },
    ];
  };
