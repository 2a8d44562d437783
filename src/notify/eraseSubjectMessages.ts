// Erasure (Art. 17) in the outbox: every message about the subject goes, with its delivery log (by the
// foreign key's cascade), delivered or not. Nothing of the person stays here: not the address, nor the
// key that holds it, nor an error text that might quote it. Called in the erasure's own transaction.
// A send already under way in some dispatcher finishes (it cannot be called back from the SMTP server),
// and its outcome then finds no row to record.
import type { SqlExecutor } from '../eventstore/sql/client.ts';
import { outboxTable } from './outboxTable.ts';

export const eraseSubjectMessages = async (tx: SqlExecutor, schema: string, subjectId: string): Promise<void> => {
  if (typeof subjectId !== 'string' || subjectId.length === 0) throw new Error('eraseSubjectMessages: subjectId must be a non-empty string');
  await tx.query(`DELETE FROM ${outboxTable(schema)} WHERE subject_id = $1`, [subjectId]);
};
