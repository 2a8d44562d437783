// The master key (issue 14 item 4): from OPENDIMOS_MASTER_KEY (64 hex digits or base64 of 32 bytes), else a
// key file made at first start with mode 0600 and reused after; anything else is refused with a message
// that says what is wanted, and a key file that cannot be read is never replaced by a new key.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ConfigError } from '../../src/cli/config.ts';
import { MASTER_KEY_FILE, loadMasterKey, parseMasterKey } from '../../src/cli/masterKey.ts';

const test = suite<{ dir: string }>('master key');

test.before.each(async (context) => {
  context.dir = await mkdtemp(join(tmpdir(), 'od-master-key-'));
});
test.after.each(async ({ dir }) => rm(dir, { recursive: true, force: true }));

const refusal = (run: () => unknown): Error => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a refusal');
};

const rejection = async (promise: Promise<unknown>): Promise<Error> =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e as Error,
  );

const mode = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

test('OPENDIMOS_MASTER_KEY as 64 hex digits, base64 (with or without padding) or base64url gives the 32 bytes', () => {
  const key = randomBytes(32);
  assert.equal(parseMasterKey(key.toString('hex'), 'OPENDIMOS_MASTER_KEY'), key);
  assert.equal(parseMasterKey(key.toString('hex').toUpperCase(), 'OPENDIMOS_MASTER_KEY'), key);
  assert.equal(parseMasterKey(key.toString('base64'), 'OPENDIMOS_MASTER_KEY'), key);
  assert.equal(parseMasterKey(key.toString('base64').replace(/=$/, ''), 'OPENDIMOS_MASTER_KEY'), key);
  assert.equal(parseMasterKey(key.toString('base64url'), 'OPENDIMOS_MASTER_KEY'), key);
  assert.equal(parseMasterKey(`  ${key.toString('base64')}\n`, 'OPENDIMOS_MASTER_KEY'), key, 'as `openssl rand -base64 32` prints it');
});

test('a bad OPENDIMOS_MASTER_KEY is refused with a message naming it and what it must be', () => {
  const key = randomBytes(32);
  const bad = [
    '',
    'secret',
    'correct horse battery staple',
    key.toString('hex').slice(0, 63),
    `${key.toString('hex')}00`,
    `${key.toString('hex').slice(0, 62)}zz`,
    randomBytes(31).toString('base64'),
    randomBytes(33).toString('base64'),
    randomBytes(16).toString('hex'),
    `${key.toString('base64').slice(0, 20)} ${key.toString('base64').slice(20)}`,
  ];
  for (const text of bad) {
    const error = refusal(() => parseMasterKey(text, 'OPENDIMOS_MASTER_KEY'));
    assert.instance(error, ConfigError, JSON.stringify(text));
    assert.match(error.message, 'OPENDIMOS_MASTER_KEY');
    assert.match(error.message, '32 bytes');
    assert.match(error.message, /hex/);
    assert.match(error.message, /base64/);
    assert.not.match(error.message, text.length > 4 ? text : '\u0000', 'the message does not echo the secret');
  }
});

test('a bad variable is refused at load, and no key file is made instead', async ({ dir }) => {
  const error = await rejection(loadMasterKey('not a key', dir));
  assert.instance(error, ConfigError);
  assert.match(error.message, 'OPENDIMOS_MASTER_KEY');
  assert.equal(await readdir(dir), []);
});

test('the variable wins over a key file', async ({ dir }) => {
  const key = randomBytes(32);
  const loaded = await loadMasterKey(key.toString('hex'), dir);
  assert.equal(loaded.key, key);
  assert.is(loaded.source, 'environment');
  assert.equal(await readdir(dir), [], 'no file written when the variable is set');
});

test('without the variable a key file is made at first start, mode 0600, and reused after', async ({ dir }) => {
  const first = await loadMasterKey(null, dir);
  assert.is(first.source, 'new file');
  assert.is(first.key.length, 32);
  const path = join(dir, MASTER_KEY_FILE);
  assert.is(await mode(path), 0o600);
  assert.equal(parseMasterKey(await readFile(path, 'utf8'), path), first.key, 'the file holds the key it returned');
  const second = await loadMasterKey(null, dir);
  assert.is(second.source, 'file');
  assert.equal(second.key, first.key);
  assert.is(await mode(path), 0o600);
});

test('the data directory is made, private, when missing', async ({ dir }) => {
  const dataDir = join(dir, 'data', 'nested');
  const loaded = await loadMasterKey(null, dataDir);
  assert.is(loaded.source, 'new file');
  assert.is(await mode(dataDir), 0o700);
  assert.is(await mode(join(dataDir, MASTER_KEY_FILE)), 0o600);
});

test('a key file left readable by others is reused and made 0600 again', async ({ dir }) => {
  const key = randomBytes(32);
  const path = join(dir, MASTER_KEY_FILE);
  await writeFile(path, key.toString('base64'), { mode: 0o644 });
  await chmod(path, 0o644);
  const loaded = await loadMasterKey(null, dir);
  assert.equal(loaded.key, key);
  assert.is(loaded.source, 'file');
  assert.is(await mode(path), 0o600);
});

test('a damaged key file is refused with its path, and never replaced by a new key', async ({ dir }) => {
  const path = join(dir, MASTER_KEY_FILE);
  for (const content of ['', 'half a key', randomBytes(16).toString('hex')]) {
    await writeFile(path, content, { mode: 0o600 });
    const error = await rejection(loadMasterKey(null, dir));
    assert.instance(error, ConfigError, JSON.stringify(content));
    assert.match(error.message, path);
    assert.is(await readFile(path, 'utf8'), content, 'the file is left as it was: replacing it would lose every sealed value');
  }
});

test('two processes starting at once with no key file end up with the same key', async ({ dir }) => {
  // Rounds, each in a fresh directory: a loser that read the winner's file before its key was written
  // would see an empty file.
  for (let round = 0; round < 40; round++) {
    const dataDir = join(dir, `round-${round}`);
    const keys = await Promise.all([1, 2, 3, 4].map(() => loadMasterKey(null, dataDir)));
    for (const loaded of keys) assert.equal(loaded.key, keys[0]!.key, `round ${round}`);
    assert.is(keys.filter((k) => k.source === 'new file').length, 1, 'one made it, the others read it');
    assert.equal(await readdir(dataDir), [MASTER_KEY_FILE], 'nothing else left behind');
  }
});

test.run();
