// `opendimos apikey create --name APP`: a key for a third-party Open311 app (POST requests.json). The key is
// printed once, alone on the last line of stdout; the database keeps only its SHA-256.
// Exit status: 0 done, 2 a usage error.
import { createApiKey, isValidAppName } from '../api/requests/index.ts';
import type { SqlClient } from '../eventstore/sql/client.ts';

interface Output {
  write(text: string): unknown;
}

export interface ApiKeyCommandDeps {
  readonly client: SqlClient;
  readonly schema: string;
  readonly stdout: Output;
  readonly stderr: Output;
}

const USAGE = 'Χρήση / Usage:\n  opendimos apikey create --name ΕΦΑΡΜΟΓΗ/APP\n';

const nameOf = (args: readonly string[]): string | null => {
  if (args[0] !== 'create') return null;
  const rest = args.slice(1);
  if (rest.length === 1 && rest[0]!.startsWith('--name=')) return rest[0]!.slice('--name='.length);
  if (rest.length === 2 && rest[0] === '--name') return rest[1]!;
  return null;
};

export const apiKeyCommand = async (args: readonly string[], deps: ApiKeyCommandDeps): Promise<number> => {
  const name = nameOf(args);
  if (name === null || !isValidAppName(name)) {
    deps.stderr.write(
      `${name === null ? 'Δώστε create --name' : `Μη έγκυρο όνομα «${name}»: έως 64 γράμματα, ψηφία, κενά και . _ @ -`}\n` +
        `${name === null ? 'Give create --name' : `Invalid name "${name}": up to 64 letters, digits, spaces and . _ @ -`}\n${USAGE}`,
    );
    return 2;
  }
  const { key, id } = await createApiKey(deps.client, deps.schema, name);
  deps.stdout.write(
    `Νέο κλειδί Open311 #${id} για «${name}». Φυλάξτε το τώρα: δεν θα εμφανιστεί ξανά.\n` + `New Open311 API key #${id} for "${name}". Keep it now: it will not be shown again.\n` + `${key}\n`,
  );
  return 0;
};
