// One transactions row decided against the ledger state: its fiscal year's event, and for a legal-entity
// counterparty the supplier's registration or new name. Both are decided before either state changes,
// so a refused row leaves no trace.
import type { FiscalYearEvent, RecordDocument, SupplierEvent } from '../../domain/index.ts';
import { checkedOnce, decideFiscalYear, decideSupplier, initialFiscalYear, initialSupplier, streams, withLineTitle, yearOfIsoDate } from '../../domain/index.ts';
import { eventId } from '../eventIds.ts';
import type { LedgerState } from '../ledgerState.ts';
import type { SpooledEvent } from '../spool.ts';

interface SupplierDecision {
  readonly stream: string;
  readonly events: SupplierEvent[];
}

/** The supplier's new events when the row names a legal entity (a natural person is never a supplier). */
const decideSupplierOf = async (event: FiscalYearEvent, ledger: LedgerState): Promise<SupplierDecision | null> => {
  const counterparty = 'counterparty' in event.data ? event.data.counterparty : null;
  if (counterparty === null || counterparty.naturalPerson) return null;
  const stream = streams.supplier(counterparty.afm);
  const state = ledger.suppliers.peek(stream) ?? (await ledger.suppliers.load(stream, initialSupplier));
  // The fiscal year's decider has checked the counterparty (ΑΦΜ, name tidied, date): a supplier registered
  // under this very name is what the supplier's decider would leave as it is, so it is not asked (most rows).
  if (state.status === 'registered' && state.name === counterparty.name) return null;
  const command = { type: 'RecordSupplier', data: { afm: counterparty.afm, name: counterparty.name, date: event.data.date } } as const;
  return { stream, events: decideSupplier(command, state) };
};

const yearOf = checkedOnce(yearOfIsoDate);

/** [] when the document is already recorded (a duplicate); throws the domain's refusal otherwise. */
export const decideTransaction = async (document: RecordDocument, ledger: LedgerState): Promise<SpooledEvent[]> => {
  const command = withLineTitle(document, ledger.classifications);
  const year = yearOf(command.data.date);
  const stream = streams.fiscalYear(year);
  const state = ledger.fiscalYears.peek(stream) ?? (await ledger.fiscalYears.load(stream, () => initialFiscalYear(year)));
  const yearEvents = decideFiscalYear(command, state);
  const suppliers: SupplierDecision[] = [];
  for (const event of yearEvents) {
    const supplier = await decideSupplierOf(event, ledger);
    if (supplier) suppliers.push(supplier);
  }

  const decided: SpooledEvent[] = yearEvents.map((event) => ({
    stream,
    // Natural key: a document number is unique per fiscal year and type.
    id: eventId(event.data.date, `${stream}/${event.type}/${event.data.document}`),
    type: event.type,
    data: event.data,
  }));
  for (const supplier of suppliers) {
    const next = ledger.suppliers.revision(supplier.stream) + 1;
    supplier.events.forEach((event, i) => {
      // A name may come back (renamed, then renamed again): the revision it lands at keeps the key unique.
      decided.push({ stream: supplier.stream, id: eventId(event.data.date, `${supplier.stream}@${next + i}/${event.type}`), type: event.type, data: event.data });
    });
  }
  ledger.fiscalYears.evolve(stream, yearEvents);
  for (const supplier of suppliers) ledger.suppliers.evolve(supplier.stream, supplier.events);
  return decided;
};
