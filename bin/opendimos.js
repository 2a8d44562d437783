#!/usr/bin/env node
// The `opendimos` command. The sources are TypeScript; tsx compiles them on load so that a fresh clone runs
// with `npm install` alone, without a separate build step.
//
// V8 grows its heap lazily up to a quarter of the machine's memory; a long import would keep hundreds of
// megabytes of garbage around. Unless told otherwise, the command runs itself again with a bounded heap
// (OPENDIMOS_HEAP_MB, default 384), so a million-row import stays well under half a gigabyte.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const heapGiven = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
if (!heapGiven && process.env.OPENDIMOS_HEAP_MB !== '0') {
  const heap = Number(process.env.OPENDIMOS_HEAP_MB ?? 384);
  const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    // End the way the child ended: by the same signal, with our own forwarding handler out of the way.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
