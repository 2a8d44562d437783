// `opendimos apikey create --name APP` (issue 18): the key printed once, the table holding only its hash, and
// the key then taken by POST requests.json's check; a wrong invocation is a usage error in Greek and English.
import { createHash } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { API_KEYS, appOfKey } from '../../src/api/requests/index.ts';
import { apiKeyCommand } from '../../src/cli/apiKeyCommand.ts';
import { table } from '../../src/projections/shared/tables.ts';
import { createTestSchema } from '../support/database.ts';

const sink = () => {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
};

test('apikey create prints the key once; the table keeps its hash; the key opens POST', async () => {
  const db = await createTestSchema();
  try {
    const stdout = sink();
    const stderr = sink();
    assert.is(await apiKeyCommand(['create', '--name', 'FixMyStreet'], { client: db.client, schema: db.schema, stdout, stderr }), 0);
    const key = stdout.text().trim().split('\n').at(-1)!;
    assert.match(key, /^od311_[A-Za-z0-9_-]{32}$/);
    assert.match(stdout.text(), /Φυλάξτε το τώρα/);
    const rows = await db.client.query<{ name: string; hash: string }>(`SELECT name, hash FROM ${table(db.schema, API_KEYS)}`);
    assert.equal(rows, [{ name: 'FixMyStreet', hash: createHash('sha256').update(key).digest('hex') }]);
    assert.not.ok(JSON.stringify(rows).includes(key));
    assert.is(await appOfKey(db.client, db.schema, key), 'FixMyStreet');
    assert.is(await appOfKey(db.client, db.schema, `${key}x`), null);

    assert.is(await apiKeyCommand(['create'], { client: db.client, schema: db.schema, stdout, stderr }), 2);
    assert.is(await apiKeyCommand(['create', '--name', 'bad/name'], { client: db.client, schema: db.schema, stdout, stderr }), 2);
    assert.match(stderr.text(), /Μη έγκυρο όνομα[\s\S]*Invalid name/);
  } finally {
    await db.drop();
  }
});

test.run();
