// The import kinds: one registration each in one list, whose names are the ones the API accepts, and whose
// columns are the ones fixtures/README.md documents for that export (names, Greek names, required).
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { fold } from '../../src/ingest/fold.ts';
import type { ColumnSpec } from '../../src/ingest/headers.ts';
import { matchHeader } from '../../src/ingest/headers.ts';
import { importKindNamed, importKindNames, importKinds } from '../../src/ingest/kinds.ts';

const readme = await readFile(new URL('../../fixtures/README.md', import.meta.url), 'utf8');

/** Where fixtures/README.md documents each kind's columns: a kind without a section fails here. */
const SECTIONS: Readonly<Record<string, { readonly heading: string; readonly required: (cells: readonly string[]) => boolean }>> = {
  transactions: { heading: '## The transactions CSV', required: (cells) => cells[2] === 'yes' },
  assets: { heading: '## The assets CSV', required: (cells) => cells[2]!.startsWith('required') },
  debts: { heading: '## The debt roll CSV', required: (cells) => cells[2] === 'yes' },
  'debt-adjustments': { heading: '## The debt adjustments CSV', required: (cells) => cells[2] === 'yes' },
};

const sectionOf = (heading: string): string => {
  const start = readme.indexOf(`${heading}\n`);
  assert.ok(start !== -1, heading);
  const end = readme.indexOf('\n## ', start + heading.length);
  return readme.slice(start, end === -1 ? undefined : end);
};

const quoted = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

interface DocumentedRow {
  readonly columns: string[];
  readonly aliases: string[];
  readonly required: boolean;
}

/** The rows of a section's column table: the first cell names English columns, the second their Greek names. */
const documentedRows = (kind: string): DocumentedRow[] => {
  const { heading, required } = SECTIONS[kind]!;
  return sectionOf(heading)
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 3)
    .map((cells) => ({ columns: quoted(cells[0]!), aliases: quoted(cells[1]!), required: required(cells) }))
    .filter((row) => row.columns.length > 0 && row.aliases.length > 0);
};

test('kinds: one registration per name, found by its name', () => {
  const names = importKinds.map((kind) => kind.kind);
  assert.is(new Set(names).size, names.length, 'each name once');
  for (const kind of importKinds) assert.is(importKindNamed(kind.kind), kind);
});

test('kinds: the list is what POST /api/imports accepts (openapi.yaml ImportKind)', async () => {
  const document = parse(await readFile(new URL('../../src/api/openapi.yaml', import.meta.url), 'utf8')) as {
    components: { schemas: { ImportKind: { enum: string[] } } };
  };
  assert.equal([...document.components.schemas.ImportKind.enum].sort(), [...importKindNames].sort());
});

test('kinds: each kind is documented in fixtures/README.md, with the columns, Greek names and required ones it reads', () => {
  assert.equal(Object.keys(SECTIONS).sort(), importKinds.map((kind) => kind.kind).sort());
  for (const kind of importKinds) {
    const rows = documentedRows(kind.kind);
    const specs = new Map<string, ColumnSpec>(kind.columns.specs.map((spec) => [spec.name, spec]));
    assert.equal(rows.flatMap((row) => row.columns).sort(), [...specs.keys()].sort(), `${kind.kind}: the columns`);
    for (const row of rows) {
      const aliases = row.columns.flatMap((column) => specs.get(column)!.aliases);
      assert.equal(row.aliases.map(fold).sort(), aliases.map(fold).sort(), `${kind.kind}: Greek names of ${row.columns.join(', ')}`);
      for (const column of row.columns) assert.is(specs.get(column)!.required === true, row.required, `${kind.kind}: ${column} required`);
    }
  }
});

test('kinds: a header of a kind\'s English names is read whole; without a required column it is refused at line 1', () => {
  for (const kind of importKinds) {
    const names = kind.columns.specs.map((spec) => spec.name);
    assert.equal(matchHeader(names, kind.columns).errors, [], kind.kind);
    const required = kind.columns.specs.filter((spec) => spec.required).map((spec) => spec.name);
    assert.equal(matchHeader(required, kind.columns).errors, [], `${kind.kind}: the required columns alone`);
    for (const missing of required) {
      const { errors } = matchHeader(required.filter((name) => name !== missing), kind.columns);
      assert.equal(errors.map((e) => `${e.line}:${e.column}:${e.code}`), [`1:${missing}:OD_HEADER_MISSING`], `${kind.kind}: without ${missing}`);
    }
  }
});

test.run();
