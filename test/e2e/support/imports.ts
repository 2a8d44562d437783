// Movements to import while a page is open: a commitment, its payment order and its payment on an
// expense line with room left, sent as the finance department sends them, through POST /api/imports.
import { afmWithCheckDigit } from '../../../src/domain/index.ts';
import { budgetLines, fiscalYears } from '../../../src/projections/ledger/index.ts';
import { centsOf } from '../../../src/web/shared/format.ts';
import type { E2eServer } from './server.ts';

let batch = 0;

export const expenseChainCsv = async (server: E2eServer, amount = '123.45'): Promise<{ csv: string; documents: string[] }> => {
  const { client, schema } = server.site.db;
  const [year] = await fiscalYears(client, schema);
  const line = (await budgetLines(client, schema, year!)).find((l) => l.side === 'EXPENSE' && centsOf(l.final) - centsOf(l.committed) > centsOf(amount) * 2n);
  if (!line) throw new Error('No expense line has room for another commitment');
  batch++;
  const n = `E2E-${Date.now()}-${batch}`;
  const date = `${year}-12-31`;
  const supplier = [afmWithCheckDigit('09876543'), 'ΔΟΚΙΜΑΣΤΙΚΗ ΠΡΟΜΗΘΕΥΤΡΙΑ Α.Ε.'];
  const rows = [
    ['date', 'type', 'kae', 'amount', 'document', 'ref', 'afm', 'name', 'description'],
    [date, 'commitment', line.kae, amount, `ΑΥ-${n}`, '', ...supplier, 'Δοκιμή ζωντανής ενημέρωσης'],
    [date, 'order', line.kae, amount, `ΧΕ-${n}`, `ΑΥ-${n}`, ...supplier, 'Δοκιμή ζωντανής ενημέρωσης'],
    [date, 'payment', line.kae, amount, `ΠΛ-${n}`, `ΧΕ-${n}`, ...supplier, 'Δοκιμή ζωντανής ενημέρωσης'],
  ];
  return { csv: rows.map((r) => r.join(',')).join('\n') + '\n', documents: [`ΑΥ-${n}`, `ΧΕ-${n}`, `ΠΛ-${n}`] };
};

/** POST /api/imports with the finance token; resolves to the HTTP status once the import is committed. */
export const postImport = async (server: E2eServer, csv: string): Promise<number> => {
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'e2e.csv');
  const response = await fetch(`${server.baseUrl}/api/imports`, { method: 'POST', headers: { authorization: `Bearer ${server.financeToken}` }, body: form });
  await response.arrayBuffer();
  return response.status;
};
