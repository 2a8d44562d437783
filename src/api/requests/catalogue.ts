// The request types read at start-up from config/requests.yaml (OPENDIMOS_REQUESTS): parsed and validated
// whole, so a broken entry stops the start with a message naming the file and the path (or the line, for YAML).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import type { RequestType } from '../../domain/index.ts';
import { CatalogueError, validateRequestTypes } from '../../domain/index.ts';

/** The catalogue that ships with the project. */
export const DEFAULT_REQUESTS_FILE = fileURLToPath(new URL('../../../config/requests.yaml', import.meta.url));

const readYaml = (file: string, text: string): unknown => {
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos?.[0];
    const reason = error.message.split('\n')[0] ?? error.code;
    throw new CatalogueError(file, where ? `line ${where.line}, column ${where.col}` : '(file)', `σφάλμα σύνταξης YAML (${reason})`, `YAML syntax error (${reason})`);
  }
};

/** The request types of a YAML file, validated; synchronous, since it runs once before anything is served. */
export const loadRequestTypes = (file: string = DEFAULT_REQUESTS_FILE): readonly RequestType[] => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogueError(file, '(file)', `ο κατάλογος των αιτημάτων δεν διαβάζεται (${reason})`, `the request types cannot be read (${reason})`);
  }
  return validateRequestTypes(readYaml(file, text), file);
};

export const requestTypeOf = (types: readonly RequestType[], code: string): RequestType | undefined => types.find((t) => t.code === code);
