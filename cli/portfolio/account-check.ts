// One plan of the portfolio: read the file, check it with the same core as
// `kap check`, and keep only its AccountSummary (the plan itself is dropped,
// so a worker holds one plan at a time). Runs in a worker thread or in-process.

import { checkPlan } from '../../core/check';
import { Language } from '../../core/contract';
import { accountSummary, AccountSummary, notAPlan } from '../../core/portfolio';
import { WorkbookInput } from '../../core/read';
import { Day } from '../../core/values';
import { readPlanFile } from '../package-reader';
import { oneLine, UnreadableWorkbook } from '../unreadable-workbook';

export interface AccountCheckOptions {
  asOf: Day;
  language: Language;
}

export type AccountOutcome = { kind: 'account'; summary: AccountSummary } | { kind: 'skipped'; file: string; reason: string };

/** The plan sheets' values of one file (the package reader: only the plan sheets' values, never the whole workbook through ExcelJS): the one place the portfolio reads a workbook. */
export async function readPlanInput(file: string): Promise<WorkbookInput> {
  return readPlanFile(file);
}

/** Why a file could not be read, without the file name the reader puts in front (the report names the file). */
function reasonOf(file: string, e: unknown): string {
  const text = e instanceof UnreadableWorkbook ? e.message : oneLine(e);
  return text.startsWith(`${file}: `) ? text.slice(file.length + 2) : text;
}

export async function checkAccount(file: string, options: AccountCheckOptions): Promise<AccountOutcome> {
  let input: WorkbookInput;
  try {
    input = await readPlanInput(file);
  } catch (e) {
    return { kind: 'skipped', file, reason: reasonOf(file, e) };
  }
  try {
    const result = checkPlan(input, { asOf: options.asOf, language: options.language });
    const reason = notAPlan(result.plan);
    if (reason) return { kind: 'skipped', file, reason };
    return { kind: 'account', summary: accountSummary(file, result) };
  } catch (e) {
    // The core does not throw on any grid; if it ever did, this one plan is listed, the run goes on.
    return { kind: 'skipped', file, reason: `the check failed: ${oneLine(e)}` };
  }
}
