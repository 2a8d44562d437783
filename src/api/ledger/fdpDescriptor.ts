// The datapackage.json of a year's Fiscal Data Package (Frictionless Data, profile fiscal-data-package):
// one tabular resource, transactions.csv beside it, and the model that maps its columns to one measure
// (the amount in euros) and the dimensions a fiscal analyst expects: date, direction and phase, the ΚΑΕ
// (economic classification), the service (administrative), the document and the counterparty.
import type { components } from '../openapi.d.ts';
import { CSV_DIALECTS } from '../shared/rest/csv.ts';
import { fdpColumns } from './fdpRows.ts';

export type FiscalDataPackage = components['schemas']['FiscalDataPackage'];
type Dimension = components['schemas']['FdpDimension'];

export const FDP_RESOURCE = 'transactions';
export const FDP_CSV = 'transactions.csv';

const source = (name: string, extra: { parent?: string; labelfor?: string } = {}) => ({ source: name, ...extra });

const dimensions: Readonly<Record<string, Dimension>> = {
  date: {
    dimensionType: 'datetime',
    title: 'Ημερομηνία / Date',
    attributes: { date: source('date'), 'fiscal-year': source('fiscal_year') },
    primaryKey: 'date',
  },
  direction: {
    dimensionType: 'other',
    title: 'Έσοδα ή έξοδα / Revenue or expenditure',
    attributes: { direction: source('direction') },
    primaryKey: 'direction',
  },
  phase: {
    dimensionType: 'other',
    title: 'Φάση και στάδιο εκτέλεσης / Budget phase and execution stage',
    attributes: { phase: source('phase'), stage: source('stage', { parent: 'phase' }) },
    primaryKey: 'stage',
  },
  'economic-classification': {
    dimensionType: 'classification',
    classificationType: 'economic',
    title: 'ΚΑΕ (ΚΥΑ 7028/2004) / Chart of accounts (ΚΑΕ)',
    attributes: {
      class: source('kae_class'),
      group: source('kae_group', { parent: 'class' }),
      code: source('kae', { parent: 'group' }),
      title: source('kae_title', { labelfor: 'code' }),
    },
    primaryKey: 'code',
  },
  administrative: {
    dimensionType: 'classification',
    classificationType: 'administrative',
    title: 'Υπηρεσία / Service',
    attributes: { code: source('service') },
    primaryKey: 'code',
  },
  document: {
    dimensionType: 'fact',
    title: 'Παραστατικό / Document',
    attributes: {
      id: source('id'),
      type: source('type'),
      'type-el': source('type_el', { labelfor: 'type' }),
      number: source('document'),
      ref: source('ref'),
      ada: source('ada'),
      description: source('description'),
    },
    primaryKey: 'id',
  },
  counterparty: {
    dimensionType: 'entity',
    title: 'Αντισυμβαλλόμενος / Counterparty',
    description: 'Φυσικά πρόσωπα μόνο ως «φυσικό πρόσωπο», χωρίς ΑΦΜ (ΓΚΠΔ). Natural persons only as «φυσικό πρόσωπο», with no tax number (GDPR).',
    attributes: { id: source('counterparty_afm'), title: source('counterparty_name', { labelfor: 'id' }), 'natural-person': source('natural_person') },
    primaryKey: ['id', 'title'],
  },
};

export const fiscalDataPackage = (year: number, created: Date = new Date()): FiscalDataPackage => {
  const dialect = CSV_DIALECTS.rfc4180;
  return {
    profile: 'fiscal-data-package',
    name: `opendimos-transactions-${year}`,
    title: `Συναλλαγές του οικονομικού έτους ${year} / Transactions of fiscal year ${year}`,
    description:
      `Κάθε κίνηση του προϋπολογισμού του ${year} (προϋπολογισμός, αναμορφώσεις, αναλήψεις υποχρεώσεων, εντάλματα, ` +
      'πληρωμές, βεβαιώσεις, εισπράξεις, αντιλογισμοί) από το δημόσιο καθολικό του OpenDimos. ' +
      `Every movement of the ${year} budget (budget, amendments, commitments, payment orders, payments, assessments, ` +
      'receipts, reversals) from the public OpenDimos ledger. Sum `amount` by `direction` and `stage` for the budget execution.',
    countryCode: 'GR',
    granularity: 'transactional',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    created: created.toISOString(),
    resources: [
      {
        name: FDP_RESOURCE,
        path: FDP_CSV,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: { delimiter: dialect.delimiter, lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
        schema: {
          fields: fdpColumns.map((c) => ({
            name: c.name,
            type: c.type,
            ...(c.format ? { format: c.format } : {}),
            title: `${c.el} / ${c.en}`,
            description: `${c.about.el} / ${c.about.en}`,
            ...(c.required || c.values ? { constraints: { ...(c.required ? { required: true } : {}), ...(c.values ? { enum: [...c.values] } : {}) } } : {}),
          })),
          primaryKey: 'id',
          missingValues: [''],
        },
      },
    ],
    model: {
      measures: {
        amount: {
          source: 'amount',
          currency: 'EUR',
          factor: 1,
          resource: FDP_RESOURCE,
          title: 'Ποσό / Amount',
          description: 'Σε ευρώ, με πρόσημο ανά στάδιο / In euros, signed by its effect on its stage',
        },
      },
      dimensions,
    },
  };
};
