// Keeps src/api/openapi.d.ts in step with src/api/openapi.yaml, the source of the REST API.
//   node --import tsx src/api/checkOpenApiTypes.ts           exits 1 when the committed types are stale (CI)
//   node --import tsx src/api/checkOpenApiTypes.ts --write   regenerates them
// Generated the way the openapi-typescript CLI does (its header, default options), so that
// `npx openapi-typescript src/api/openapi.yaml -o src/api/openapi.d.ts` gives the same file.
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const DOCUMENT = new URL('./openapi.yaml', import.meta.url);
const TYPES = new URL('./openapi.d.ts', import.meta.url);

const generate = async (): Promise<string> => `${COMMENT_HEADER}${astToString(await openapiTS(DOCUMENT))}`;

const committed = async (): Promise<string | null> => {
  try {
    return await readFile(TYPES, 'utf8');
  } catch {
    return null;
  }
};

const fresh = await generate();
if (process.argv.includes('--write')) {
  await writeFile(TYPES, fresh);
  process.stdout.write('src/api/openapi.d.ts: γράφτηκε / written\n');
} else if ((await committed()) !== fresh) {
  process.stderr.write(
    'Τα src/api/openapi.d.ts δεν αντιστοιχούν στο src/api/openapi.yaml. Τρέξτε: node --import tsx src/api/checkOpenApiTypes.ts --write\n' +
      'src/api/openapi.d.ts is out of date with src/api/openapi.yaml. Run: node --import tsx src/api/checkOpenApiTypes.ts --write\n',
  );
  process.exitCode = 1;
}
