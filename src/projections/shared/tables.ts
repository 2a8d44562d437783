// The qualified name of a read-model table, for queries (always the current tables, never a rebuild's).
import { assertSchemaName, quoteIdent } from '../../eventstore/sql/client.ts';

export const table = (schema: string, base: string): string => `${quoteIdent(assertSchemaName(schema))}.${quoteIdent(base)}`;
