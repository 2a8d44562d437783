// Document types by name, for messages a clerk reads, and the ones a reversal may take back.
import type { DocumentType, ReversibleType } from './events.ts';

export const documentTypeNames: Readonly<Record<DocumentType, { readonly el: string; readonly en: string }>> = {
  budget: { el: 'προϋπολογισμός', en: 'budget' },
  amendment: { el: 'αναμόρφωση', en: 'amendment' },
  commitment: { el: 'δέσμευση', en: 'commitment' },
  order: { el: 'ένταλμα', en: 'payment order' },
  payment: { el: 'πληρωμή', en: 'payment' },
  assessment: { el: 'βεβαίωση', en: 'assessment' },
  receipt: { el: 'είσπραξη', en: 'receipt' },
  reversal: { el: 'αντιλογισμός', en: 'reversal' },
};

const REVERSIBLE: ReadonlySet<string> = new Set<ReversibleType>(['commitment', 'order', 'payment', 'assessment', 'receipt']);

export const isReversibleType = (type: string): type is ReversibleType => REVERSIBLE.has(type);
