// Reads a multipart upload for an import without holding the file: the options come first (validated by the
// OpenAPI document's ImportOptions schema), then the file, handed on as a stream. The stream only ends once
// the form is known to end there too; a field after the file, or a file over the limit, makes the stream
// fail instead, and since the import records nothing until it has read its whole input, nothing is recorded.
import { basename } from 'node:path';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { components } from '../openapi.d.ts';
import { ApiError } from '../shared/errors.ts';
import type { JsonSchema } from '../shared/rest/openApiDocument.ts';

export type ImportOptions = components['schemas']['ImportOptions'];

export interface Upload {
  readonly options: ImportOptions;
  readonly fileName: string;
  readonly body: AsyncIterable<Buffer>;
}

const FILE_FIELD = 'file';

const invalid = (el: string, en: string) => new ApiError('OD_INVALID_REQUEST', { el, en });

/** The next part; busboy's own complaints about a malformed body are the client's mistake, not ours. */
const nextPart = async (parts: AsyncIterator<Multipart>): Promise<IteratorResult<Multipart>> => {
  try {
    return await parts.next();
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== undefined) throw error;
    throw invalid(`μη έγκυρο multipart (${(error as Error).message})`, `malformed multipart body (${(error as Error).message})`);
  }
};

/** A name safe to keep in the public import log: the last path segment, printable, at most 200 characters. */
const cleanFileName = (raw: string | undefined): string => {
  const name = basename((raw ?? '').replaceAll('\\', '/'))
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  return name === '' ? 'upload.csv' : name;
};

async function* fileThenEnd(file: MultipartFile, parts: AsyncIterator<Multipart>, maxFileBytes: number): AsyncGenerator<Buffer> {
  for await (const chunk of file.file) yield chunk as Buffer;
  if (file.file.truncated) {
    const mb = Math.round(maxFileBytes / 1_048_576);
    throw new ApiError('OD_TOO_LARGE', { el: `το αρχείο ξεπερνά τα ${mb} MB`, en: `the file exceeds ${mb} MB` });
  }
  const after = await nextPart(parts);
  if (!after.done) throw new ApiError('OD_FIELD_AFTER_FILE', { el: `«${after.value.fieldname}» μετά το αρχείο`, en: `"${after.value.fieldname}" after the file` });
}

export const readUpload = async (request: FastifyRequest, optionsSchema: JsonSchema, maxFileBytes: number): Promise<Upload> => {
  const known = Object.keys(optionsSchema.properties ?? {});
  const parts = request.parts({ limits: { fileSize: maxFileBytes, files: 1, fields: known.length + 2, fieldSize: 1_024, parts: known.length + 3 } })[Symbol.asyncIterator]();
  const fields: Record<string, string> = {};
  for (let step = await nextPart(parts); !step.done; step = await nextPart(parts)) {
    const part = step.value;
    if (part.type === 'file') {
      if (part.fieldname !== FILE_FIELD) {
        part.file.resume();
        throw invalid(`το αρχείο στέλνεται στο πεδίο «file», όχι «${part.fieldname}»`, `send the file in the "file" field, not "${part.fieldname}"`);
      }
      const validate = request.compileValidationSchema(optionsSchema);
      if (!validate(fields)) {
        part.file.resume();
        const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
        throw invalid(`μη έγκυρα πεδία (${detail})`, `invalid fields (${detail})`);
      }
      // Validation coerced the text of the form ("true") and filled in the defaults: these are the options now.
      return { options: fields as unknown as ImportOptions, fileName: cleanFileName(part.filename), body: fileThenEnd(part, parts, maxFileBytes) };
    }
    if (!known.includes(part.fieldname)) {
      throw invalid(`άγνωστο πεδίο «${part.fieldname}»: επιτρέπονται ${known.join(', ')}, file`, `unknown field "${part.fieldname}": use ${known.join(', ')}, file`);
    }
    if (Object.hasOwn(fields, part.fieldname)) throw invalid(`το πεδίο «${part.fieldname}» δίνεται δύο φορές`, `the field "${part.fieldname}" is given twice`);
    fields[part.fieldname] = String(part.value);
  }
  throw new ApiError('OD_FILE_MISSING');
};
