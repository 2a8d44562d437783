// `opendimos rebuild [NAME…]`: rebuilds read models from the log while the site keeps serving the
// current ones, then swaps them in. Without a name, all of them.
import { eventReaderFor } from '../projections/shared/eventReader.ts';
import { allProjections, personalProjectionNames, projectionNamed, townHall } from '../contexts.ts';
import { rebuildProjections } from '../projections/shared/rebuild.ts';
import { prepareProjections } from '../projections/shared/runner.ts';
import type { LedgerCommandContext } from './io.ts';

/** A usage error in the arguments, checked before the database is opened; null when they are fine. */
export const rebuildUsage = (args: readonly string[]): string | null => {
  const unknown = args.filter((name) => !projectionNamed(name) && !personalProjectionNames.includes(name));
  return unknown.length === 0
    ? null
    : `Άγνωστη προβολή / Unknown projection: ${unknown.join(', ')}\nΔιαθέσιμες / Available: ${[...allProjections.map((p) => p.name), ...personalProjectionNames].join(', ')}\n`;
};

export const rebuildCommand = async (args: readonly string[], { installation, io }: LedgerCommandContext): Promise<number> => {
  const { client, store, config, keyring } = installation;
  // Rebuilding needs no TaxisNet: only the projections, which open personal fields with the keyring.
  const { projections } = townHall({ store, client, schema: config.schema, keyring, publicUrl: config.publicUrl, login: null, standIn: false });
  const chosen = args.length === 0 ? projections : projections.filter((p) => args.includes(p.name));
  await prepareProjections({ client, store, schema: config.schema, projections });
  const started = Date.now();
  const position = await rebuildProjections(client, eventReaderFor(store), config.schema, chosen);
  const names = chosen.map((p) => p.name).join(', ');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout.write(`Ξαναχτίστηκαν / Rebuilt: ${names} — θέση / position ${position}, ${seconds} s\n`);
  return 0;
};
