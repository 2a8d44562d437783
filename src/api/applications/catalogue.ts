// The catalogue of services read at start-up from config/services/*.yaml: every file parsed and validated,
// so a broken one stops the start with a message naming the file and the field (or the line, for YAML).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServiceDefinition } from '../../domain/applications/index.ts';
import { CatalogueError, validateService } from '../../domain/applications/index.ts';
import { readCatalogueYaml } from '../shared/catalogueYaml.ts';

/** Every `*.yaml` of `dir`, validated, sorted by code; two services with one code are refused. */
export const loadCatalogue = async (dir: string): Promise<readonly ServiceDefinition[]> => {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.yaml')).sort();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CatalogueError(dir, '(folder)', `ο φάκελος των υπηρεσιών δεν διαβάζεται (${reason})`, `the services folder cannot be read (${reason})`);
  }
  const services: ServiceDefinition[] = [];
  const fileOfCode = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    const service = validateService(readCatalogueYaml(file, await readFile(file, 'utf8')), file);
    const other = fileOfCode.get(service.code);
    if (other !== undefined) throw new CatalogueError(file, 'code', `ο κωδικός «${service.code}» υπάρχει ήδη στο ${other}`, `the code "${service.code}" is already in ${other}`);
    fileOfCode.set(service.code, file);
    services.push(service);
  }
  return services.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
};

/** The service with this code, or undefined (a page or route answers 404). */
export const catalogueOf = (services: readonly ServiceDefinition[], code: string): ServiceDefinition | undefined => services.find((s) => s.code === code);
