// Checks the portfolio's files across the machine's cores: one worker thread
// per core, each given the next file when it is done with the last, so a
// worker holds one plan at a time. Outcomes come back in the files' order
// whatever order the workers finish in.

import { Worker } from 'node:worker_threads';
import { AccountCheckOptions, AccountOutcome, checkAccount } from './account-check';
import { FromWorker, ToWorker, WORKER_ROLE, WorkerData } from './worker';

export interface PoolOptions {
  /** How many files are checked at once. */
  jobs: number;
  /** The script a worker thread loads (kap's bundle); without it the files are checked in this thread. */
  script?: string;
  onProgress?(done: number, total: number): void;
}

/**
 * kap's bundle, which holds the worker loop. Under ts-jest the sources are
 * TypeScript, which a worker thread cannot load, so tests run in-process
 * (and the subprocess test runs the bundle with real workers).
 */
export function bundledWorkerScript(): string | undefined {
  return __filename.endsWith('.js') ? __filename : undefined;
}

export async function checkAccounts(files: readonly string[], options: AccountCheckOptions, pool: PoolOptions): Promise<AccountOutcome[]> {
  const outcomes: AccountOutcome[] = new Array(files.length);
  let done = 0;
  const finished = (index: number, outcome: AccountOutcome): void => {
    outcomes[index] = outcome;
    pool.onProgress?.(++done, files.length);
  };
  const jobs = Math.max(1, Math.min(pool.jobs, files.length));
  if (!pool.script || jobs === 1) {
    for (let i = 0; i < files.length; i++) finished(i, await checkAccount(files[i], options));
    return outcomes;
  }
  const script = pool.script;
  let next = 0;
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = (): void => {
      running++;
      const worker = new Worker(script, { workerData: { role: WORKER_ROLE, options } satisfies WorkerData });
      let current: number | undefined;
      const feed = (): void => {
        if (next < files.length) {
          current = next++;
          worker.postMessage({ index: current, file: files[current] } satisfies ToWorker);
        } else {
          current = undefined;
          worker.postMessage({ stop: true } satisfies ToWorker);
        }
      };
      worker.on('message', (m: FromWorker) => {
        finished(m.index, m.outcome);
        feed();
      });
      let failure = '';
      worker.on('error', (e: Error) => {
        failure = e.message.split('\n')[0];
      });
      worker.on('exit', (code) => {
        // A worker that dies (out of memory on one file) costs that file only: it is listed, a new worker goes on.
        if (current !== undefined) finished(current, { kind: 'skipped', file: files[current], reason: `the check stopped: ${failure || `exit code ${code}`}` });
        current = undefined;
        running--;
        if (next < files.length) start();
        else if (running === 0) resolve();
      });
      feed();
    };
    for (let i = 0; i < jobs; i++) start();
  });
  return outcomes;
}
