// The browser tests (`npm run test:e2e`): starts the app in this process on the fixture year, launches
// headless Chromium, and runs every test/e2e/*.test.ts through uvu, which prints Total / Passed / Skipped.
import { readdir } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { closeSharedPglite } from '../support/database.ts';
import { launchBrowser } from './support/browser.ts';
import { setE2e } from './support/context.ts';
import { startServer } from './support/server.ts';
import { sitePages } from './support/sitePages.ts';

const started = performance.now();
const server = await startServer();
const browser = await launchBrowser();
const { db } = server.site;
setE2e({ server, browser, pages: await sitePages(db.client, db.schema) });
console.log(`  Browser tests on the ${server.data} at ${server.baseUrl}, ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const queue = globalThis as unknown as { UVU_DEFER: number; UVU_QUEUE: unknown[][]; UVU_INDEX: number };
queue.UVU_DEFER = 1;
const uvu = await import('uvu');
queue.UVU_QUEUE ??= [];
const filters = process.argv.slice(2);
const files = (await readdir(import.meta.dirname)).filter((f) => f.endsWith('.test.ts') && (filters.length === 0 || filters.some((x) => f.includes(x)))).sort();
for (const [index, file] of files.entries()) {
  queue.UVU_INDEX = index;
  queue.UVU_QUEUE.push([file]);
  await import(pathToFileURL(`${import.meta.dirname}/${file}`).href);
}
await uvu.exec();
await browser.close();
await server.close();
await closeSharedPglite();
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(process.exitCode ?? 0);
