// `kap portfolio`: every plan under the PATHs checked (in parallel across the
// cores), every team's commitments added up across the accounts against the
// organisation's capacity, and the report on stdout, as JSON, as .xlsx or as
// an HTML page. Files that cannot be read are listed, never fatal.

import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Language } from '../../core/contract';
import { AccountSummary, buildPortfolio, CapacityFile, capacityFileOf, Portfolio, SkippedFile } from '../../core/portfolio';
import { portfolioWord } from '../../core/portfolio-layout';
import { readPlan } from '../../core/read';
import { Day } from '../../core/values';
import { EXIT, Io } from '../commands';
import { oneLine, UnreadableWorkbook, writeFileSafely } from '../xlsx-workbook';
import { readPlanInput } from './account-check';
import { portfolioHtml } from './html-report';
import { findPlanFiles, MissingPath } from './plan-files';
import { bundledWorkerScript, checkAccounts } from './pool';
import { portfolioJsonChunks } from './portfolio-json';
import { portfolioReport } from './text-report';
import { portfolioXlsx } from './xlsx-report';

export interface PortfolioCommandOptions {
  paths: string[];
  capacity?: string;
  out?: string;
  html?: string;
  json: boolean;
  asOf: Day;
  language: Language;
  /** Files checked at once; default: the machine's cores. */
  jobs?: number;
  /** Where the progress line goes (stderr, when it is a terminal). */
  progress?: { write(text: string): unknown };
}

/** Exit 1 for the portfolio: a conflict, a plan with errors, or a file not checked. */
export function portfolioStatus(p: Portfolio): number {
  const problems = p.conflicts.length > 0 || p.skipped.length > 0 || p.accounts.some((a: AccountSummary) => a.errors > 0);
  return problems ? EXIT.errorsFound : EXIT.ok;
}

export async function runPortfolio(options: PortfolioCommandOptions, io: Io): Promise<number> {
  for (const [flag, file] of [['--out', options.out], ['--html', options.html]] as const) {
    if (file === undefined) continue;
    const want = flag === '--out' ? '.xlsx' : '.html';
    if (!file.toLowerCase().endsWith(want) && !(want === '.html' && file.toLowerCase().endsWith('.htm'))) {
      io.err(`kap: ${flag} must name a ${want} file, not "${file}" (see kap --help)`);
      return EXIT.cannot;
    }
  }

  let capacity: CapacityFile | undefined;
  if (options.capacity !== undefined) {
    try {
      const read = readPlan(await readPlanInput(options.capacity), options.language);
      const got = capacityFileOf(options.capacity, read.plan, read.findings);
      if (typeof got === 'string') {
        io.err(`kap: ${got}`);
        return EXIT.cannot;
      }
      capacity = got;
    } catch (e) {
      io.err(`kap: --capacity ${e instanceof UnreadableWorkbook ? e.message : `${options.capacity}: ${oneLine(e)}`}`);
      return EXIT.cannot;
    }
  }

  let found;
  try {
    // The reports kap writes and the capacity file are not plans, even when they sit in the folder.
    const exclude = [options.out, options.html, options.capacity].filter((f): f is string => f !== undefined);
    found = await findPlanFiles(options.paths, exclude);
  } catch (e) {
    io.err(`kap: ${e instanceof MissingPath ? e.message : oneLine(e)}`);
    return EXIT.cannot;
  }
  if (found.files.length === 0 && found.unlisted.length === 0) {
    io.err(`kap: no .xlsx file found in ${options.paths.join(' ')}`);
    return EXIT.cannot;
  }

  const progress = options.progress;
  const outcomes = await checkAccounts(
    found.files,
    { asOf: options.asOf, language: options.language },
    {
      jobs: options.jobs ?? availableParallelism(),
      script: bundledWorkerScript(),
      onProgress: progress
        ? (done, total) => {
            progress.write(`\rkap portfolio: checked ${done} of ${total} files`);
            if (done === total) progress.write('\r\x1b[K');
          }
        : undefined,
    },
  );
  const accounts: AccountSummary[] = [];
  const skipped: SkippedFile[] = [...found.unlisted];
  for (const o of outcomes) {
    if (o.kind === 'account') accounts.push(o.summary);
    else skipped.push({ file: o.file, reason: o.reason });
  }
  const portfolio = buildPortfolio(accounts, skipped, options.language, capacity);

  const written: string[] = [];
  const outputs: [string | undefined, () => Promise<Buffer>][] = [
    [options.out, () => portfolioXlsx(portfolio, options.asOf)],
    [options.html, async () => Buffer.from(portfolioHtml(portfolio, options.asOf), 'utf8')],
  ];
  for (const [file, make] of outputs) {
    if (file === undefined) continue;
    try {
      await writeFileSafely(file, await make());
      written.push(file);
    } catch (e) {
      io.err(`kap: cannot write ${file}: ${oneLine(e)}`);
      return EXIT.cannot;
    }
  }

  if (options.json) {
    for (const chunk of portfolioJsonChunks(portfolio, options.asOf)) io.out(chunk);
  } else {
    for (const line of portfolioReport(portfolio, options.asOf)) io.out(line);
    if (written.length > 0) io.out('');
    for (const file of written) io.out(`${portfolioWord('wrote', options.language)}: ${path.normalize(file)}`);
  }
  return portfolioStatus(portfolio);
}
