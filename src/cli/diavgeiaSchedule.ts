// The server's Diavgeia sync: at start, then every OPENDIMOS_DIAVGEIA_INTERVAL. A tick while a sync still runs
// waits for the next one (never two at once in this process: the sync resumes from its own place, and two
// would read the same page twice). A failure is logged and the next tick tries again from where it stopped.
import type { SyncReport } from '../api/diavgeia/index.ts';
import { isDiavgeiaError } from '../integrations/diavgeia/index.ts';

export interface DiavgeiaSchedule {
  /** One sync now, unless one is running (then its outcome); null when it failed. */
  readonly tick: () => Promise<SyncReport | null>;
  /** No more ticks; waits for a sync under way. */
  readonly stop: () => Promise<void>;
}

export interface ScheduleOptions {
  readonly sync: () => Promise<SyncReport>;
  readonly intervalMs: number;
  readonly log: (line: string) => void;
  readonly describe: (report: SyncReport) => string;
}

export const startDiavgeiaSchedule = (options: ScheduleOptions): DiavgeiaSchedule => {
  let running: Promise<SyncReport | null> | null = null;
  const tick = (): Promise<SyncReport | null> => {
    if (running) return running;
    const current = options.sync().then(
      (report) => {
        // A quiet tick (nothing new) says nothing: every 15 minutes would fill the log.
        if (report.published + report.corrected + report.revoked > 0) options.log(options.describe(report));
        return report;
      },
      (error: unknown) => {
        const reason = isDiavgeiaError(error) ? `${error.messageEl} / ${error.messageEn}` : String(error);
        options.log(`Σφάλμα συγχρονισμού Διαύγειας, νέα προσπάθεια στον επόμενο κύκλο / Diavgeia sync failed, retried at the next tick: ${reason}`);
        return null;
      },
    );
    running = current.finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs);
  timer.unref();
  void tick();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
