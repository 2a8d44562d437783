// `opendimos staff create --email E --name N --role R [--role R…]` | `staff list` | `staff disable --email E`
// | `staff roles --email E --role R…` | `staff link --email E`. `create` and `link` print the one-time link to
// set the password alone on the last line (`… | tail -n 1` takes it): it is shown this once, good for 24
// hours, and stored only as its hash. Bad input is refused with a Greek and English message, exit 2, and
// nothing is changed; every change is an event whose actor is `cli:<user>`.
import type { Writable } from 'node:stream';
import type { StaffDeps, StaffMember, PasswordLink } from '../api/shared/staff/index.ts';
import { createStaff, disableStaff, isStaffError, listStaff, newPasswordLink, passwordLinkPath, PASSWORD_LINK_HOURS, setStaffRoles } from '../api/shared/staff/index.ts';

export interface StaffCommandDeps extends StaffDeps {
  /** OPENDIMOS_PUBLIC_URL, the start of the printed link. */
  readonly publicUrl: string;
  readonly actor: string;
  readonly stdout: Pick<Writable, 'write'>;
  readonly stderr: Pick<Writable, 'write'>;
}

const USAGE = `Χρήση / Usage:
  opendimos staff create --email E --name ΟΝΟΜΑ/NAME --role ΡΟΛΟΣ/ROLE [--role …]
  opendimos staff list
  opendimos staff disable --email E
  opendimos staff roles --email E --role ΡΟΛΟΣ/ROLE [--role …]
  opendimos staff link --email E
  ρόλοι / roles: finance, revenue, secretary, admin, clerk:<τμήμα/department>`;

class UsageError extends Error {
  constructor(
    readonly el: string,
    readonly en: string,
  ) {
    super(en);
  }
}

interface Flags {
  readonly email?: string;
  readonly name?: string;
  readonly roles: readonly string[];
}

const ACTIONS = ['create', 'list', 'disable', 'roles', 'link'] as const;
type Action = (typeof ACTIONS)[number];
const ALLOWED: Readonly<Record<Action, readonly string[]>> = { create: ['--email', '--name', '--role'], list: [], disable: ['--email'], roles: ['--email', '--role'], link: ['--email'] };

const parseFlags = (action: Action, args: readonly string[]): Flags => {
  let email: string | undefined;
  let name: string | undefined;
  const roles: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!ALLOWED[action].includes(flag)) throw new UsageError(`Άγνωστη επιλογή «${arg}» για το ${action}`, `Unknown option "${arg}" for ${action}`);
    let value: string | undefined;
    if (flag !== arg) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      i += 1;
    }
    if (value === undefined || value.startsWith('--')) throw new UsageError(`Το ${flag} θέλει τιμή`, `${flag} needs a value`);
    if (flag === '--email') {
      if (email !== undefined) throw new UsageError('Το --email δίνεται μία φορά', '--email is given once');
      email = value;
    } else if (flag === '--name') {
      if (name !== undefined) throw new UsageError('Το --name δίνεται μία φορά', '--name is given once');
      name = value;
    } else roles.push(value);
  }
  const needs = ALLOWED[action];
  if (needs.includes('--email') && email === undefined) throw new UsageError(`Το ${action} θέλει --email`, `${action} needs --email`);
  if (needs.includes('--name') && name === undefined) throw new UsageError(`Το ${action} θέλει --name`, `${action} needs --name`);
  if (needs.includes('--role') && roles.length === 0) throw new UsageError(`Το ${action} θέλει τουλάχιστον ένα --role`, `${action} needs at least one --role`);
  return { ...(email === undefined ? {} : { email }), ...(name === undefined ? {} : { name }), roles };
};

const describe = (m: StaffMember): string =>
  [
    m.email,
    m.name,
    m.roles.join(','),
    m.disabled ? 'απενεργό/disabled' : m.lockedUntil !== null && m.lockedUntil.getTime() > Date.now() ? `κλειδωμένο/locked ${m.lockedUntil.toISOString()}` : 'ενεργό/active',
    m.hasPassword ? 'κωδικός/password' : 'χωρίς κωδικό/no password yet',
  ].join('\t');

const printLink = (deps: StaffCommandDeps, link: PasswordLink, first: string[]): void => {
  deps.stdout.write(
    `${first.join('\n')}\n` +
      `Στείλτε στον/στην ${link.member.name} αυτόν τον σύνδεσμο για να ορίσει κωδικό· ισχύει ${PASSWORD_LINK_HOURS} ώρες, μία φορά, και δεν θα εμφανιστεί ξανά.\n` +
      `Send ${link.member.name} this link to set a password; it works once, for ${PASSWORD_LINK_HOURS} hours, and will not be shown again.\n` +
      `${deps.publicUrl.replace(/\/+$/, '')}${passwordLinkPath(link.token)}\n`,
  );
};

const run = async (action: Action, flags: Flags, deps: StaffCommandDeps): Promise<number> => {
  const { actor } = deps;
  switch (action) {
    case 'create': {
      const link = await createStaff(deps, { email: flags.email!, name: flags.name!, roles: flags.roles, actor });
      printLink(deps, link, [`Νέος λογαριασμός ${link.member.email} (${link.member.roles.join(', ')}) / New account ${link.member.email} (${link.member.roles.join(', ')})`]);
      return 0;
    }
    case 'list': {
      const members = await listStaff(deps);
      deps.stdout.write(members.length === 0 ? 'Κανένας λογαριασμός προσωπικού / No staff accounts\n' : `${members.map(describe).join('\n')}\n`);
      return 0;
    }
    case 'disable': {
      const member = await disableStaff(deps, { email: flags.email!, actor });
      deps.stdout.write(`Ο λογαριασμός ${member.email} απενεργοποιήθηκε και οι συνεδρίες του έληξαν / The account ${member.email} is disabled and its sessions ended\n`);
      return 0;
    }
    case 'roles': {
      const member = await setStaffRoles(deps, { email: flags.email!, roles: flags.roles, actor });
      deps.stdout.write(`Ρόλοι του ${member.email}: ${member.roles.join(', ')} / Roles of ${member.email}: ${member.roles.join(', ')}\n`);
      return 0;
    }
    case 'link': {
      const link = await newPasswordLink(deps, { email: flags.email!, actor });
      printLink(deps, link, [`Νέος σύνδεσμος για τον ${link.member.email} (ο προηγούμενος δεν ισχύει πια) / A new link for ${link.member.email} (the previous one no longer works)`]);
      return 0;
    }
    default: {
      const _exhaustive: never = action;
      throw new Error(`unknown staff action ${String(_exhaustive)}`);
    }
  }
};

export const staffCommand = async (args: readonly string[], deps: StaffCommandDeps): Promise<number> => {
  const [action, ...rest] = args;
  try {
    if (action === undefined) throw new UsageError(`Λείπει η ενέργεια: ${ACTIONS.join(', ')}`, `The action is missing: ${ACTIONS.join(', ')}`);
    if (!(ACTIONS as readonly string[]).includes(action)) throw new UsageError(`Άγνωστη ενέργεια «${action}»`, `Unknown action "${action}"`);
    const known = action as Action;
    return await run(known, parseFlags(known, rest), deps);
  } catch (error) {
    if (error instanceof UsageError) {
      deps.stderr.write(`${error.el}\n${error.en}\n${USAGE}\n`);
      return 2;
    }
    if (isStaffError(error)) {
      deps.stderr.write(`${error.el}\n${error.en}\n`);
      return 2;
    }
    throw error;
  }
};
