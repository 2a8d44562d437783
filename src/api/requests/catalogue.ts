// The request types read at start-up from config/requests.yaml (OPENDIMOS_REQUESTS): parsed and validated
// whole, so a broken entry stops the start with a message naming the file and the path (or the line, for YAML).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RequestType } from '../../domain/index.ts';
import { CatalogueError, validateRequestTypes } from '../../domain/index.ts';
import { readCatalogueYaml } from '../shared/catalogueYaml.ts';

/** The catalogue that ships with the project. */
export const DEFAULT_REQUESTS_FILE = fileURLToPath(new URL('../../../config/requests.yaml', import.meta.url));

/** The request types of a YAML file, validated; synchronous, since it runs once before anything is served. */
export const loadRequestTypes = (file: string = DEFAULT_REQUESTS_FILE): readonly RequestType[] => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogueError(file, '(file)', `ο κατάλογος των αιτημάτων δεν διαβάζεται (${reason})`, `the request types cannot be read (${reason})`);
  }
  return validateRequestTypes(readCatalogueYaml(file, text), file);
};

export const requestTypeOf = (types: readonly RequestType[], code: string): RequestType | undefined => types.find((t) => t.code === code);
