// A catalogue file an installation edits (config/requests.yaml, config/services/*.yaml) read as YAML: a
// syntax error becomes the catalogue's own error, naming the file and the line and column, Greek and
// English, so that the start stops with a message a clerk who edited the file can act on. Duplicate keys
// are refused (the yaml package's default), since the second would silently win.
import { parse, YAMLParseError } from 'yaml';
import { CatalogueError } from '../../domain/index.ts';

export const readCatalogueYaml = (file: string, text: string): unknown => {
  try {
    return parse(text, { prettyErrors: true });
  } catch (error) {
    if (!(error instanceof YAMLParseError)) throw error;
    const where = error.linePos?.[0];
    const reason = error.message.split('\n')[0] ?? error.code;
    throw new CatalogueError(file, where ? `line ${where.line}, column ${where.col}` : '(file)', `σφάλμα σύνταξης YAML (${reason})`, `YAML syntax error (${reason})`);
  }
};
