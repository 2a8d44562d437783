// `opendimos token create --role finance [--name NAME]` | `token list` | `token revoke ID`
// `create` prints the new token alone on the last line of stdout (`… | tail -n 1` takes it); it is shown this
// once and stored only as its SHA-256. Exit status: 0 done, 1 no such token, 2 a usage error.
import type { SqlClient } from '../eventstore/sql/client.ts';
import type { Role, TokenRecord } from '../api/shared/auth/tokens.ts';
import { createToken, isRole, isValidTokenName, listTokens, revokeToken, ROLES } from '../api/shared/auth/tokens.ts';

interface Output {
  write(text: string): unknown;
}

export interface TokenCommandDeps {
  readonly client: SqlClient;
  readonly schema: string;
  readonly stdout: Output;
  readonly stderr: Output;
}

const USAGE = `Χρήση / Usage:
  opendimos token create --role ${ROLES.join('|')} [--name ΟΝΟΜΑ/NAME]
  opendimos token list
  opendimos token revoke ID`;

class UsageError extends Error {
  constructor(
    readonly el: string,
    readonly en: string,
  ) {
    super(en);
  }
}

type Invocation = { readonly action: 'create'; readonly role: Role; readonly name?: string } | { readonly action: 'list' } | { readonly action: 'revoke'; readonly id: number };

/** `--flag value` or `--flag=value`; returns the value and how many arguments it took. */
const flagValue = (args: readonly string[], i: number, flag: string): [string, number] | null => {
  const arg = args[i]!;
  if (arg.startsWith(`${flag}=`)) return [arg.slice(flag.length + 1), 1];
  if (arg !== flag) return null;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`Το ${flag} θέλει τιμή`, `${flag} needs a value`);
  return [value, 2];
};

const parseCreate = (args: readonly string[]): Invocation => {
  let role: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; ) {
    const roleFlag = flagValue(args, i, '--role');
    const nameFlag = roleFlag ? null : flagValue(args, i, '--name');
    if (roleFlag) [role] = roleFlag;
    else if (nameFlag) [name] = nameFlag;
    else throw new UsageError(`Άγνωστη επιλογή «${args[i]}»`, `Unknown option "${args[i]}"`);
    i += (roleFlag ?? nameFlag)![1];
  }
  if (!isRole(role)) {
    const given = role ?? '';
    throw new UsageError(`Το --role θέλει ${ROLES.join(' ή ')} (δόθηκε «${given}»)`, `--role takes ${ROLES.join(' or ')} (got "${given}")`);
  }
  if (name !== undefined && !isValidTokenName(name)) {
    throw new UsageError(
      `Μη έγκυρο όνομα «${name}»: έως 64 γράμματα, ψηφία, κενά και . _ @ -`,
      `Invalid name "${name}": up to 64 letters, digits, spaces and . _ @ -`,
    );
  }
  return { action: 'create', role, ...(name === undefined ? {} : { name }) };
};

const parseArgs = (args: readonly string[]): Invocation => {
  const [action, ...rest] = args;
  switch (action) {
    case 'create':
      return parseCreate(rest);
    case 'list':
      if (rest.length > 0) throw new UsageError(`Το list δεν παίρνει ορίσματα («${rest.join(' ')}»)`, `list takes no arguments ("${rest.join(' ')}")`);
      return { action: 'list' };
    case 'revoke': {
      const id = rest.length === 1 && /^[1-9]\d{0,15}$/.test(rest[0]!) ? Number(rest[0]) : null;
      if (id === null) throw new UsageError('Το revoke θέλει τον αριθμό ενός κλειδιού (δείτε token list)', 'revoke takes the number of one token (see token list)');
      return { action: 'revoke', id };
    }
    case undefined:
      throw new UsageError('Λείπει η ενέργεια: create, list ή revoke', 'The action is missing: create, list or revoke');
    default:
      throw new UsageError(`Άγνωστη ενέργεια «${action}»`, `Unknown action "${action}"`);
  }
};

const describe = (t: TokenRecord): string =>
  `#${t.id}\t${t.name}\t${t.role}\t${t.createdAt}\t${t.revokedAt === null ? 'ενεργό/active' : `ανακλήθηκε/revoked ${t.revokedAt}`}`;

const run = async (invocation: Invocation, deps: TokenCommandDeps): Promise<number> => {
  const { client, schema, stdout, stderr } = deps;
  switch (invocation.action) {
    case 'create': {
      const { token, record } = await createToken(client, schema, invocation);
      stdout.write(
        `Νέο κλειδί #${record.id} «${record.name}» με ρόλο ${record.role}. Φυλάξτε το τώρα: δεν θα εμφανιστεί ξανά.\n` +
          `New token #${record.id} "${record.name}" with role ${record.role}. Keep it now: it will not be shown again.\n` +
          `${token}\n`,
      );
      return 0;
    }
    case 'list': {
      const tokens = await listTokens(client, schema);
      stdout.write(tokens.length === 0 ? 'Κανένα κλειδί / No tokens\n' : `${tokens.map(describe).join('\n')}\n`);
      return 0;
    }
    case 'revoke': {
      const record = await revokeToken(client, schema, invocation.id);
      if (record === null) {
        stderr.write(`Δεν υπάρχει κλειδί #${invocation.id}\nThere is no token #${invocation.id}\n`);
        return 1;
      }
      stdout.write(`Το κλειδί #${record.id} «${record.name}» ανακλήθηκε / Token #${record.id} "${record.name}" is revoked (${record.revokedAt})\n`);
      return 0;
    }
    default: {
      const _exhaustive: never = invocation;
      throw new Error(`unknown token action ${String(_exhaustive)}`);
    }
  }
};

export const tokenCommand = async (args: readonly string[], deps: TokenCommandDeps): Promise<number> => {
  let invocation: Invocation;
  try {
    invocation = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    deps.stderr.write(`${error.el}\n${error.en}\n${USAGE}\n`);
    return 2;
  }
  return run(invocation, deps);
};
