// `opendimos serve [--with-fixtures]`: opens the ledger, brings the read models up to date, and serves the
// site, the API and the live feed on PORT until SIGINT, SIGTERM or SIGHUP. With --with-fixtures an empty ledger is
// first loaded with the fixture year, so a newcomer sees a live site at once.
import { buildApp } from '../api/app.ts';
import { endSessionsOf } from '../api/shared/sessions/index.ts';
import { townHall } from '../contexts.ts';
import { debtsErasureObstacle, lixouriPayments, sweepExpiredPayments } from '../api/debts/index.ts';
import { personalDataOf } from './personalData.ts';
import { startLogPublisher } from '../api/log/index.ts';
import { loadLogSigner, logServicesOf } from './logSetup.ts';
import { loadDocumentSigner } from './signingSetup.ts';
import { loadCatalogue, settlePaidFees } from '../api/applications/index.ts';
import { loadRequestTypes } from '../api/requests/index.ts';
import { payments } from './payments.ts';
import { citizenLogin, STAND_IN_PREFIX } from './citizenLogin.ts';
import { createEmailTransport } from '../integrations/mail/index.ts';
import { createWebhookTransport } from '../integrations/webhooks/index.ts';
import { eraseSubjectMessages, startDispatcher } from '../notify/index.ts';
import { eraseThreadFiles } from '../api/supplierThreads/index.ts';
import { join } from 'node:path';
import { removeDeadSpools } from '../ingest/spool.ts';
import type { Config } from './config.ts';
import { startControlServer } from './control.ts';
import { lockDataDir } from './dataDirLock.ts';
import { ledgerCommands } from './ledgerCommands.ts';
import { loadFixtures } from './fixtures.ts';
import { openInstallation } from './installation.ts';
import type { CliIo } from './io.ts';
import { startReadSide } from './readSide.ts';
import { startServerDiavgeiaSync } from './diavgeiaServe.ts';

export const serveCommand = async (args: readonly string[], config: Config, io: CliIo): Promise<number> => {
  const unknown = args.filter((a) => a !== '--with-fixtures');
  if (unknown.length > 0) {
    io.stderr.write(`Άγνωστη επιλογή / Unknown option: ${unknown.join(' ')}\n`);
    return 2;
  }
  // On PGlite this process holds the database; the command line gets in through the control socket.
  const release = config.databaseUrl === null ? await lockDataDir(config.dataDir) : null;
  // Spools of imports that crashed hold up to a file's size each in the temporary folder.
  await removeDeadSpools();
  const installation = await openInstallation(config);
  const taxisNet = citizenLogin(config.taxisNet, config.publicUrl);
  const services = {
    store: installation.store,
    client: installation.client,
    schema: config.schema,
    keyring: installation.keyring,
    publicUrl: config.publicUrl,
    municipalityTaxid: config.municipalityTaxid,
    login: taxisNet.login,
    standIn: taxisNet.standIn,
    erasureObstacles: [debtsErasureObstacle({ client: installation.client, schema: config.schema })],
    onErased: [
      (subjectId: string) => endSessionsOf(installation.client, config.schema, { kind: 'citizen', subjectId }),
      (subjectId: string) => eraseSubjectMessages(installation.client, config.schema, subjectId),
      (subjectId: string) => eraseThreadFiles(installation.client, config.schema, subjectId),
    ],
  };
  if (args.includes('--with-fixtures')) await loadFixtures(installation.store, io, personalDataOf(installation));
  const cards = payments(config.payments, config.publicUrl);
  const paying = { ...lixouriPayments, payments: cards.provider, account: { ...lixouriPayments.account, ...(config.paymentIban ? { iban: config.paymentIban } : {}) } };
  // The verifiable log is built from the events as stored, so only where they are kept in SQL.
  const logKey = config.eventStoreUrl === null ? await loadLogSigner(config.log, config.dataDir) : null;
  const log = logKey ? logServicesOf(installation.client, config.schema, config.log, logKey.signer) : undefined;
  // The catalogue is checked before anything is served: a wrong service file names itself and its field.
  const catalogue = await loadCatalogue(config.servicesDir);
  const documentSigner = await loadDocumentSigner(config.signing, config.dataDir);
  const requesting = { types: loadRequestTypes(config.requests.typesFile), bounds: config.requests.bounds, mapTiles: config.requests.mapTiles };
  const hall = townHall(services, paying, log, { catalogue, signer: documentSigner }, requesting);
  const readSide = await startReadSide(installation, hall.projections, (error) => io.stderr.write(`Σφάλμα προβολής / Projection error: ${String(error)}\n`));
  const app = await buildApp({
    api: hall.api,
    store: installation.store,
    client: installation.client,
    schema: config.schema,
    changes: readSide.changes,
    runner: readSide.runner,
    settings: {
      ...config.app,
      publicUrl: config.publicUrl,
      formActions: [...taxisNet.formActions, ...cards.formActions],
      csrfExempt: [...(taxisNet.standIn ? [`${STAND_IN_PREFIX}/`] : []), ...cards.csrfExempt],
    },
    web: hall.web,
    devBanner: taxisNet.standIn || cards.standIn,
    personal: personalDataOf(installation),
  });
  const publisher = log ? startLogPublisher(log, { onError: (error) => io.stderr.write(`Σφάλμα βιβλίου / Log error: ${String(error)}\n`) }) : null;
  await publisher?.publishNow().catch((error: unknown) => io.stderr.write(`Σφάλμα βιβλίου / Log error: ${String(error)}\n`));
  await taxisNet.mount(app);
  await cards.mount(app);
  // Card orders left unpaid: asked once more after they expire, then abandoned (a late payment still counts).
  const sweeper = setInterval(() => {
    sweepExpiredPayments({ ...paying, store: installation.store, client: installation.client, schema: config.schema, keyring: installation.keyring }).catch((error: unknown) =>
      io.stderr.write(`Σφάλμα πληρωμών / Payments sweep error: ${String(error)}\n`),
    );
  }, 60_000);
  sweeper.unref();
  // Fees paid (by card, bank or at the counter) move their applications on: asked every few seconds.
  const feeWatcher = setInterval(() => {
    settlePaidFees({ store: installation.store, client: installation.client, schema: config.schema }).catch((error: unknown) => io.stderr.write(`Σφάλμα τελών αιτήσεων / Application fees error: ${String(error)}\n`));
  }, 5_000);
  feeWatcher.unref();
  // Every node dispatches: the outbox's rows are claimed one node at a time. Without SMTP, .eml files.
  const dispatcher = startDispatcher({
    client: installation.client,
    schema: config.schema,
    transports: { email: createEmailTransport({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir }), webhook: createWebhookTransport() },
    log: (line) => io.stderr.write(`${line}\n`),
  });
  const control =
    release === null
      ? null
      : await startControlServer(config.dataDir, (request, commandIo) =>
          ledgerCommands[request.command]
            ? ledgerCommands[request.command]!(request.args, { installation, io: commandIo, cwd: request.cwd })
            : Promise.resolve(2),
        );
  const address = await app.listen({ port: config.port, host: config.host });
  const diavgeia = startServerDiavgeiaSync(config.diavgeia, installation.store, io, { withFixtures: args.includes('--with-fixtures') });
  io.stdout.write(`OpenDimos: ${address.replace('0.0.0.0', 'localhost')} (${installation.store.backend})\n`);
  if (taxisNet.standIn) {
    if (cards.standIn) io.stdout.write(`Πληρωμές με κάρτα: δοκιμαστικός πάροχος (καμία χρέωση) / Card payments: the payment stand-in (nothing is charged): ${config.publicUrl}/my/debts\n`);
    io.stdout.write(
      `Σύνδεση πολιτών: δοκιμαστικό TaxisNet (φανταστικά πρόσωπα) / Citizen login: the TaxisNet stand-in (made-up people): ${config.publicUrl}/auth/taxisnet\n`,
    );
  }
  io.stdout.write(
    config.smtpUrl
      ? `E-mail: SMTP ${new URL(config.smtpUrl).host}\n`
      : `E-mail: χωρίς SMTP, τα μηνύματα γράφονται ως .eml / no SMTP, messages are written as .eml files: ${join(config.dataDir, 'mail')}\n`,
  );
  io.stdout.write(
    logKey
      ? `Επαληθεύσιμο βιβλίο / Verifiable ledger: ${config.publicUrl}/log/checkpoint — κλειδί / key ${logKey.signer.verifierKey} (${logKey.source})\n`
      : 'Επαληθεύσιμο βιβλίο: μόνο με τα γεγονότα σε PostgreSQL/PGlite / Verifiable ledger: only with the events in PostgreSQL/PGlite\n',
  );
  io.stdout.write(
    `Υπηρεσίες / Services: ${config.publicUrl}/services/ — ${catalogue.length} (${config.servicesDir}); υπογραφή εγγράφων / document signing: ${documentSigner.development ? 'πιστοποιητικό ανάπτυξης / development certificate' : documentSigner.signer.commonName}\n`,
  );
  io.stdout.write(
    `Αναφορές προβλημάτων / Problem reports: ${config.publicUrl}/requests/new — ${requesting.types.length} είδη / types; Open311: ${config.publicUrl}/open311/discovery.json (κλειδί εφαρμογής / app key: opendimos apikey create --name APP); χάρτης / map tiles: ${new URL(requesting.mapTiles.url.replace(/\{[a-z]\}/g, '0')).host}\n`,
  );
  io.stdout.write(
    `Συμβούλιο / Council: ${config.publicUrl}/council/ — Popolo: ${config.publicUrl}/api/popolo/people.json, iCal: ${config.publicUrl}/council/sessions.ics; γραμματεία / secretariat: /office/council (ρόλος / role secretary); παλαιότερες συνεδριάσεις / past sessions: opendimos import FILE --kind council\n`,
  );
  io.stdout.write(
    `Προμηθευτές / Suppliers: ${config.publicUrl}/my/supplier — καρτέλα, ειδοποιήσεις, webhooks, ηλεκτρονικά τιμολόγια, μηνύματα / statement, notices, webhooks, e-invoices, messages (γραφείο / office: /office/supplier-threads)\n`,
  );
  io.stdout.write(`${diavgeia.banner}\n`);
  io.stdout.write('Γραφείο / Office: /office/ — ο πρώτος διαχειριστής / the first admin: opendimos staff create --email E --name N --role admin\n');
  if (!taxisNet.standIn && !taxisNet.login) {
    io.stdout.write('Σύνδεση πολιτών: ανενεργή (ορίστε OPENDIMOS_TAXISNET_*) / Citizen login: off (set OPENDIMOS_TAXISNET_*)\n');
  }
  await new Promise<void>((resolve) => {
    // SIGHUP too: a closed terminal should close the ledger cleanly, not kill PGlite in the middle of a write.
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
    process.once('SIGHUP', resolve);
  });
  clearInterval(sweeper);
  clearInterval(feeWatcher);
  await diavgeia.stop();
  await publisher?.stop();
  await control?.close();
  await app.close();
  await dispatcher.stop();
  await readSide.stop();
  await installation.close();
  await release?.();
  return 0;
};
