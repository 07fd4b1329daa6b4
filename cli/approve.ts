// `kap approve FILE ID... --by NAME`: records who approved which commitments,
// when, and on what terms, by writing exactly three cells per commitment
// (Approved by, Approval date, Approved terms) and nothing else. The core
// decides the cells (core/approval.ts); the package writer writes only them,
// with every file-safety check of --write (cli/file-safety.ts).

import { approvalCells } from '../core/approval';
import { readPlan } from '../core/read';
import { Day, formatDay } from '../core/values';
import { EXIT, Io, openOrReport, quoteArg, readOrReportBytes, writePackage } from './commands';

export interface ApproveOptions {
  file: string;
  /** Commitment IDs as typed (case, spaces and accents ignored). */
  ids: readonly string[];
  by: string;
  /** The approval date. */
  on: Day;
  /** Write even though the file looks open in Excel or LibreOffice, or is hard-linked. */
  force?: boolean;
}

/** Approves the commitments, or refuses with one line per problem and leaves FILE as it was (exit 2). */
export async function runApprove(options: ApproveOptions, io: Io): Promise<number> {
  const target = await openOrReport(options.file, io, options.force);
  if (!target) return EXIT.cannot;
  const read = readOrReportBytes(target, io);
  if (!read) return EXIT.cannot;
  const { plan } = readPlan(read.input);
  // kap speaks English; the terms it writes are in the workbook's language, since they are the workbook's content.
  const result = approvalCells(plan, { ids: options.ids, by: options.by, on: options.on, addColumnsWith: `kap new ${quoteArg(options.file)}` }, 'en');
  if (!result.ok) {
    for (const problem of result.problems) io.err(`kap: ${options.file}: ${problem} (the file was not changed)`);
    return EXIT.cannot;
  }
  const sheet = plan.sheets.commitments!.name;
  const cells = result.cells.map(({ cell, value }) => ({ cell, value }));
  if (!(await writePackage(target, read, io, (pkg) => pkg.writeCells(sheet, cells)))) return EXIT.cannot;
  io.out(`Approved in ${options.file} by ${options.by.trim()} on ${formatDay(options.on)}:`);
  for (const a of result.approved) io.out(`  ${a.id}: ${a.terms}`);
  return EXIT.ok;
}
