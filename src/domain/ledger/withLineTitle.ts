// A budget row without a title takes its line's title from the classification of its fiscal year. The
// import calls this before `decide`, so the decider stays pure and the event records the title it used.
import type { RecordDocument } from './commands.ts';
import type { ClassificationRegistry } from '../shared/classification.ts';
import { titleFor } from '../shared/classification.ts';
import { yearOfIsoDate } from '../shared/date.ts';

export const withLineTitle = (command: RecordDocument, registry: ClassificationRegistry): RecordDocument => {
  const { data } = command;
  if (data.documentType !== 'budget' || (data.title ?? '').trim() !== '') return command;
  return { ...command, data: { ...data, title: titleFor(registry, yearOfIsoDate(data.date), data.kae) } };
};
