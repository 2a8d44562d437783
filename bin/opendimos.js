#!/usr/bin/env node
// The `opendimos` command. The sources are TypeScript; tsx compiles them on load so that a fresh clone runs
// with `npm install` alone, without a separate build step.
//
// V8 grows its heap lazily up to a quarter of the machine's memory; a long import would keep hundreds of
// megabytes of garbage around. Unless told otherwise, the command runs itself again with a bounded heap
// (OPENDIMOS_HEAP_MB, default 384), so a million-row import stays well under half a gigabyte.
//
// The two processes live and die together: the wrapper forwards SIGINT/SIGTERM/SIGHUP and ends as the child
// ended; the child ends when the wrapper is gone (its IPC channel closes, even on kill -9). Under `npm start`
// npm signals only the `sh -c` it started, which dies without passing the signal on (dash does not exec the
// script's last command): the wrapper then finds itself orphaned and stops the child as if told SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
// How often a process started by npm looks whether its parent is still there; process.ppid asks the kernel.
const ORPHAN_CHECK_MS = 500;

/**
 * Under npm, when the parent (npm's `sh -c`) is gone, `stop` once. Only under npm: anyone else who lets the
 * process outlive its parent (nohup, a shell's `&`) means it to.
 * @param {() => void} stop
 */
const stopWhenOrphanedUnderNpm = (stop) => {
  if (!process.env.npm_lifecycle_event) return;
  const parent = process.ppid;
  const watch = setInterval(() => {
    // Under npm the parent is never init: already 1 means orphaned before this line ran.
    if (process.ppid === parent && parent !== 1) return;
    clearInterval(watch);
    stop();
  }, ORPHAN_CHECK_MS).unref();
};

const heapGiven = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('--max-old-space-size'));
if (!heapGiven && process.env.OPENDIMOS_HEAP_MB !== '0') {
  const heap = Number(process.env.OPENDIMOS_HEAP_MB ?? 384);
  const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of FORWARDED) process.on(signal, () => child.kill(signal));
  stopWhenOrphanedUnderNpm(() => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => {
    if (!signal) process.exit(code ?? 1);
    // End the way the child ended: by the same signal, with our own forwarding handler out of the way.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  });
} else {
  if (process.channel) {
    // Started by the wrapper: when it is gone, end as if it had forwarded SIGTERM (serve closes cleanly).
    process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    // The channel is only a lifeline; it must not keep a finished command running.
    process.channel.unref();
  } else {
    // No wrapper (OPENDIMOS_HEAP_MB=0, or a heap set in NODE_OPTIONS): this process is the one npm orphans.
    stopWhenOrphanedUnderNpm(() => process.kill(process.pid, 'SIGTERM'));
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
