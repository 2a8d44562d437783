// `opendimos rebuild [NAME…]`: rebuilds read models from the log while the site keeps serving the
// current ones, then swaps them in. Without a name, all of them.
import { eventReaderFor } from '../projections/eventReader.ts';
import { allProjections, projectionNamed } from '../projections/index.ts';
import { rebuildProjections } from '../projections/rebuild.ts';
import { prepareProjections } from '../projections/runner.ts';
import type { LedgerCommandContext } from './ledgerCommands.ts';

export const rebuildCommand = async (args: readonly string[], { installation, io }: LedgerCommandContext): Promise<number> => {
  const unknown = args.filter((name) => !projectionNamed(name));
  if (unknown.length > 0) {
    io.stderr.write(
      `Άγνωστη προβολή / Unknown projection: ${unknown.join(', ')}\n` + `Διαθέσιμες / Available: ${allProjections.map((p) => p.name).join(', ')}\n`,
    );
    return 2;
  }
  const chosen = args.length === 0 ? allProjections : allProjections.filter((p) => args.includes(p.name));
  const { client, store, config } = installation;
  await prepareProjections({ client, store, schema: config.schema, projections: allProjections });
  const started = Date.now();
  const position = await rebuildProjections(client, eventReaderFor(store), config.schema, chosen);
  const names = chosen.map((p) => p.name).join(', ');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout.write(`Ξαναχτίστηκαν / Rebuilt: ${names} — θέση / position ${position}, ${seconds} s\n`);
  return 0;
};
