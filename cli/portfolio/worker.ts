// The worker thread's side of the pool: kap's bundle (dist/cli.js) loaded in a
// worker thread starts this loop instead of the command line. It checks one
// file per message and posts back its AccountOutcome.

import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { AccountCheckOptions, AccountOutcome, checkAccount } from './account-check';

/** Marks a worker started by the portfolio pool (workerData.role). */
export const WORKER_ROLE = 'kap-portfolio-worker';

export interface WorkerData {
  role: typeof WORKER_ROLE;
  options: AccountCheckOptions;
}

export type ToWorker = { index: number; file: string } | { stop: true };
export interface FromWorker {
  index: number;
  outcome: AccountOutcome;
}

function serve(options: AccountCheckOptions): void {
  const port = parentPort!;
  port.on('message', (message: ToWorker) => {
    if ('stop' in message) {
      port.close();
      return;
    }
    void checkAccount(message.file, options).then((outcome) => port.postMessage({ index: message.index, outcome } satisfies FromWorker));
  });
}

const data = workerData as Partial<WorkerData> | undefined;
if (!isMainThread && data?.role === WORKER_ROLE && data.options) serve(data.options);
