// Issue 17's figures, on PostgreSQL, in one run:
// - an instant certificate end to end (submit → the rule over the applicant's debts → protocol number →
//   PDF laid out → PAdES signature → file kept → personal and public events appended), p95 under 20
//   concurrent applicants, against signing alone (the same one-page PDF signed, the same 20 at a time): the
//   ratio says what the rest of the path adds to the cryptography;
// - verification lookups per second (GET /api/verify/<code>'s work: the keyed hash, the code's row joined to
//   the public register), 20 at a time, over the codes issued.
// The applicants are real accounts (registered as a TaxisNet login registers them); their read models are
// kept up by the real projections while the applications are filed.
import { randomBytes } from 'node:crypto';
import type { ApplicationsServices } from '../src/api/applications/index.ts';
import { loadCatalogue, submit, verifyCode } from '../src/api/applications/index.ts';
import { lixouriPayments } from '../src/api/debts/index.ts';
import { logIn } from '../src/api/identity/index.ts';
import type { CitizenServices } from '../src/api/identity/index.ts';
import { migrateDatabase } from '../src/cli/migrations.ts';
import { townHall } from '../src/contexts.ts';
import { afmWithCheckDigit, ledgerEventSchemas } from '../src/domain/index.ts';
import { openKeyring } from '../src/eventstore/keyring.ts';
import { createPgClient } from '../src/eventstore/sql/pgClient.ts';
import { openSqlEventStore } from '../src/eventstore/sql/sqlEventStore.ts';
import { developmentCertificate, p12Signer } from '../src/integrations/signing/index.ts';
import { startProjections } from '../src/projections/shared/runner.ts';
import { renderDocument } from '../src/web/applications/documentPdf.ts';
import type { Bench, BenchContext, Figure } from './support.ts';
import { inParallel, now, seconds } from './support.ts';

const SCHEMA = 'bench_applications';
const CONCURRENCY = 20;

const p95 = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
};

const timed = async (samples: number[], work: () => Promise<unknown>): Promise<void> => {
  const start = now();
  await work();
  samples.push(seconds(start) * 1000);
};

const run = async ({ databaseUrl, quick, log }: BenchContext): Promise<Figure[]> => {
  const client = createPgClient({ connectionString: databaseUrl });
  await migrateDatabase(client, SCHEMA);
  const store = await openSqlEventStore({ client, schema: SCHEMA, schemas: ledgerEventSchemas });
  const keyring = await openKeyring(client, SCHEMA, randomBytes(32));
  const { p12, passphrase } = developmentCertificate();
  const signer = await p12Signer(p12, passphrase);
  const catalogue = await loadCatalogue(new URL('../config/services', import.meta.url).pathname);
  const citizens: CitizenServices = { store, client, schema: SCHEMA, keyring, publicUrl: 'https://dimos.example', login: null, standIn: false };
  const hall = townHall(citizens, lixouriPayments, undefined, { catalogue, signer });
  const runner = await startProjections({ client, store, schema: SCHEMA, projections: hall.projections });
  await runner.caughtUp;
  const services: ApplicationsServices = {
    store,
    client,
    schema: SCHEMA,
    keyring,
    catalogue,
    signer,
    render: renderDocument,
    debts: { ...lixouriPayments, store, client, schema: SCHEMA, keyring },
    publicUrl: 'https://dimos.example',
  };

  const applicants = await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, i) => {
      const taxid = afmWithCheckDigit(String(20_000_000 + i).padStart(8, '0'));
      const { subjectId } = await logIn(citizens, { userId: `u${i}`, taxid, lastName: `ΠΟΛΙΤΗΣ${i}`, firstName: 'ΓΕΩΡΓΙΟΣ', fatherName: '', motherName: '', birthYear: 1980, kind: 'person' });
      return { subjectId, kind: 'person' as const, actor: `citizen:${subjectId}` };
    }),
  );
  const perApplicant = quick ? 5 : 15;
  const total = CONCURRENCY * perApplicant;
  // Warm-up: fonts read, the signer's key parsed, the statements planned.
  await submit(services, applicants[0]!, { service: 'no-debt-certificate', fields: {}, attachments: [], key: 'warm-up' });

  const endToEnd: number[] = [];
  const started = now();
  await Promise.all(
    applicants.map(async (applicant, a) => {
      for (let k = 0; k < perApplicant; k++) {
        await timed(endToEnd, async () => {
          const filed = await submit(services, applicant, { service: 'no-debt-certificate', fields: {}, attachments: [], key: `bench-${a}-${k}` });
          if (filed.kind !== 'filed' || filed.status !== 'issued') throw new Error(`not issued: ${JSON.stringify(filed)}`);
        });
      }
    }),
  );
  const perSecond = total / seconds(started);
  log(`${total} certificates by ${CONCURRENCY} applicants: ${perSecond.toFixed(1)}/s, p95 ${p95(endToEnd).toFixed(1)} ms`);

  // Signing alone, the same concurrency, the same one-page certificate.
  const sample = await renderDocument({
    service: catalogue.find((s) => s.code === 'no-debt-certificate')!,
    year: 2026,
    protocolNumber: 1,
    issuedAt: new Date(),
    holder: { kind: 'person', name: 'ΓΕΩΡΓΙΟΣ ΠΟΛΙΤΗΣ', taxid: '012481630' },
    values: {},
    facts: [],
    verificationCode: '7KQ2-M9XD-4TRW-B8NE-3HPA',
    verifyUrl: 'https://dimos.example/verify/7KQ2-M9XD-4TRW-B8NE-3HPA',
    developmentSignature: true,
  });
  const signing: number[] = [];
  await inParallel(total, CONCURRENCY, () => timed(signing, () => signer.sign(sample, { reason: 'bench', location: 'Ληξούρι', name: signer.signer.commonName })));
  log(`signing alone: p95 ${p95(signing).toFixed(1)} ms`);

  // Verification: every code issued, looked up by its keyed hash, 20 at a time.
  const head = await store.headPosition();
  while (runner.position() < head) await new Promise((resolve) => setTimeout(resolve, 5));
  const codes = (await client.query<{ verification_code: string }>(`SELECT verification_code FROM ${SCHEMA}.od_applications WHERE verification_code IS NOT NULL`)).map((r) => r.verification_code);
  const lookups = quick ? 5_000 : 20_000;
  const verifyStart = now();
  await inParallel(lookups, CONCURRENCY, async (i) => {
    const answer = await verifyCode(services, codes[i % codes.length]!);
    if (answer.status !== 'valid') throw new Error(`code ${codes[i % codes.length]} answered ${answer.status}`);
  });
  const lookupsPerSecond = lookups / seconds(verifyStart);
  log(`verification: ${lookupsPerSecond.toFixed(0)} lookups/s over ${codes.length} codes`);

  await runner.stop();
  await store.close();
  await client.close();
  return [
    { name: 'instant certificate p95 (20 concurrent)', unit: 'ms', ours: p95(endToEnd), peer: p95(signing), peerName: 'signing alone p95', note: `${perSecond.toFixed(1)} certificates/s end to end` },
    { name: 'verification lookups', unit: 'lookups/s', ours: lookupsPerSecond },
  ];
};

export const applicationsBench: Bench = { name: 'applications', run };
