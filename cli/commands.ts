// The handlers of kap's commands: what each prints and which exit status it
// returns. Argument parsing lives in main.ts; the .xlsx work in xlsx-workbook.ts;
// every decision about the plan in core/.

import { access, readFile } from 'node:fs/promises';
import { checkPlan, toJson } from '../core/check';
import { Language } from '../core/contract';
import { reviewInputOf, reviewLayout } from '../core/layout/review';
import { SheetLayout, templateLayout } from '../core/layout/template';
import { sampleData } from '../core/sample';
import { Day, dayFromParts } from '../core/values';
import { jsonChunks } from './json-chunks';
import { openForWrite, WriteFailed, WriteTarget, writeTarget } from './file-safety';
import { PlanPackage, readPlanPackage, ReadOptions } from './package-reader';
import { WorkbookPackage } from './package-writer';
import { humanReport, reviewWrittenLine } from './report';
import { fileProblem, oneLine, UnreadableWorkbook } from './unreadable-workbook';
import { PlanWorkbook } from './xlsx-workbook';

/** Where a command prints: stdout and stderr lines (tests pass their own). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Progress of a long read, shown in place on a terminal (bin/kap.js sets it only when stderr is one). */
  progress?(text: string | undefined): void;
}

/** Exit statuses, the same for every command. */
export const EXIT = {
  /** Done; for check: no error-severity finding. */
  ok: 0,
  /** check found at least one error-severity finding. */
  errorsFound: 1,
  /** The file cannot be read or written, or the arguments are wrong. */
  cannot: 2,
} as const;

export interface NewOptions {
  file: string;
  language?: Language;
  account?: string;
  /** Write even though the file looks open in Excel or LibreOffice, or is hard-linked. */
  force?: boolean;
}

export interface SampleOptions {
  file: string;
  language?: Language;
  force: boolean;
}

export interface CheckCommandOptions {
  file: string;
  json: boolean;
  write: boolean;
  asOf?: Day;
  /** Output language; default: the workbook's. */
  language?: Language;
  staleKnowledgeDays?: number;
  staleContactDays?: number;
  /** With --write: write even though the file looks open in Excel or LibreOffice, or is hard-linked. */
  force?: boolean;
}

/** `kap new`: a new plan workbook, or only what an existing one lacks (written into the user's package, nothing else touched). */
export async function runNew(options: NewOptions, io: Io): Promise<number> {
  const exists = await fileExists(options.file);
  const data = options.account ? { plan: { account: options.account }, rows: {} } : undefined;
  if (!exists) {
    const book = PlanWorkbook.empty();
    const layout = templateLayout({ sheets: [] }, options.language ?? 'en', data);
    book.applyTemplate(layout);
    if (!(await saveOrReport(book, options.file, io))) return EXIT.cannot;
    io.out(`Created ${options.file} (${layout.language === 'es' ? 'Spanish' : 'English'}): ${layout.sheets.map((s) => s.name).join(', ')}.`);
    io.out(`Fill it in, then run: kap check ${quoteArg(options.file)}`);
    return EXIT.ok;
  }
  const target = await openOrReport(options.file, io, options.force);
  if (!target) return EXIT.cannot;
  const read = readOrReportBytes(target, io);
  if (!read) return EXIT.cannot;
  const layout = templateLayout(read.input, options.language ?? 'en', data);
  if (layout.sheets.length === 0) {
    io.out(`${options.file} already has every plan sheet and column: nothing to add.`);
    return EXIT.ok;
  }
  const written = await writePackage(target, read, io, (pkg) => pkg.applyTemplate(layout, read.input));
  if (!written) return EXIT.cannot;
  io.out(`Completed ${options.file}:`);
  for (const sheet of layout.sheets) io.out(`  ${describeAddition(sheet)}`);
  if (options.language && options.language !== layout.language) {
    io.out(`  (the workbook is in ${layout.language === 'es' ? 'Spanish' : 'English'}, so what was added is too)`);
  }
  io.out(`Fill it in, then run: kap check ${quoteArg(options.file)}`);
  return EXIT.ok;
}

/** `kap sample`: the filled sample plan, with deliberate gaps in every phase. */
export async function runSample(options: SampleOptions, io: Io): Promise<number> {
  if (!options.force && (await fileExists(options.file))) {
    io.err(`kap: ${options.file} already exists; add --force to overwrite it (see kap --help)`);
    return EXIT.cannot;
  }
  const lang = options.language ?? 'en';
  const book = PlanWorkbook.empty();
  book.applyTemplate(templateLayout({ sheets: [] }, lang, sampleData(lang)));
  if (!(await saveOrReport(book, options.file, io, options.force))) return EXIT.cannot;
  io.out(`Wrote the sample plan (${lang === 'es' ? 'Spanish' : 'English'}) to ${options.file}.`);
  io.out(`Check it with: kap check ${quoteArg(options.file)}`);
  return EXIT.ok;
}

/** `kap check`: the report or the JSON, the Review sheet with --write, and the exit status. */
export async function runCheck(options: CheckCommandOptions, io: Io): Promise<number> {
  // With --write the file is checked for writing first, so a refusal comes before any report.
  const target = options.write ? await openOrReport(options.file, io, options.force) : undefined;
  if (options.write && !target) return EXIT.cannot;
  const checked = await checkAndWrite(options, target, io);
  if (!checked) return EXIT.cannot;
  const { result, asOf, reviewSheet } = checked;
  if (options.json) {
    // A piece at a time: a plan of 100,000 rows prints over 100 MB of JSON.
    for (const chunk of jsonChunks(toJson(result) as unknown as Record<string, unknown>)) io.out(chunk);
  } else {
    for (const line of humanReport(result, asOf)) io.out(line);
    if (reviewSheet) {
      io.out('');
      io.out(reviewWrittenLine(result.outputLanguage, reviewSheet, options.file));
    }
  }
  return result.findings.some((f) => f.severity === 'error') ? EXIT.errorsFound : EXIT.ok;
}

/**
 * Reads and checks the plan, and writes the Review sheet when there is a
 * target. The grids and the file's bytes stay in here: once it returns, only
 * the result is left while a large report is printed.
 */
async function checkAndWrite(
  options: CheckCommandOptions,
  target: WriteTarget | undefined,
  io: Io,
): Promise<{ result: ReturnType<typeof checkPlan>; asOf: Day; reviewSheet?: string } | undefined> {
  const read = target ? readOrReportBytes(target, io) : await readOrReport(options.file, io);
  if (!read) return undefined;
  const asOf = options.asOf ?? today();
  const result = checkPlan(read.input, {
    asOf,
    language: options.language,
    staleKnowledgeDays: options.staleKnowledgeDays,
    staleContactDays: options.staleContactDays,
  });
  if (!target) return { result, asOf };
  const layout = reviewLayout(
    reviewInputOf(result, asOf),
    read.index.sheets.map((s) => s.name),
  );
  if (!(await writePackage(target, read, io, (pkg) => pkg.applyReview(layout)))) return undefined;
  return { result, asOf, reviewSheet: layout.name };
}


/** Today on this machine's calendar: what "overdue" means to the person running the check. */
export function today(): Day {
  const now = new Date();
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** What kap says for a file it cannot read or write: one line, naming the file. */
function problem(file: string, e: unknown): string {
  if (e instanceof UnreadableWorkbook) return e.message.startsWith(file) ? e.message : `${file}: ${e.message}`;
  if (e instanceof WriteFailed) return `cannot write ${file}: ${e.message} (the file was not changed)`;
  return `${file}: ${oneLine(e)}`;
}

function readOptions(io: Io): ReadOptions {
  if (!io.progress) return {};
  const show = io.progress.bind(io);
  return { progress: (rows) => show(`reading: ${rows.toLocaleString('en-US')} rows`) };
}

async function readOrReport(file: string, io: Io): Promise<PlanPackage | undefined> {
  try {
    const bytes = await readFile(file).catch((e: unknown) => {
      throw new UnreadableWorkbook(`${file}: ${fileProblem(e)}`);
    });
    return readPlanPackage(bytes, file, readOptions(io));
  } catch (e) {
    io.err(`kap: ${problem(file, e)}`);
    return undefined;
  } finally {
    io.progress?.(undefined);
  }
}

export function readOrReportBytes(target: WriteTarget, io: Io): PlanPackage | undefined {
  try {
    return readPlanPackage(target.bytes, target.file, readOptions(io));
  } catch (e) {
    io.err(`kap: ${problem(target.file, e)}`);
    return undefined;
  } finally {
    io.progress?.(undefined);
  }
}

export async function openOrReport(file: string, io: Io, force?: boolean): Promise<WriteTarget | undefined> {
  try {
    return await openForWrite(file, { force });
  } catch (e) {
    io.err(`kap: ${problem(file, e)}`);
    return undefined;
  }
}

/** Edits the user's package and saves it safely; false (with the line said) when it cannot. */
export async function writePackage(target: WriteTarget, read: PlanPackage, io: Io, edit: (pkg: WorkbookPackage) => Promise<void>): Promise<boolean> {
  try {
    const pkg = await WorkbookPackage.load(target.bytes, read.index);
    await edit(pkg);
    await writeTarget(target, await pkg.toBuffer());
    return true;
  } catch (e) {
    io.err(`kap: ${problem(target.file, e)}`);
    return false;
  }
}

async function saveOrReport(book: PlanWorkbook, file: string, io: Io, force = false): Promise<boolean> {
  try {
    await book.save(file, { force });
    return true;
  } catch (e) {
    io.err(`kap: ${problem(file, e instanceof WriteFailed ? e : new WriteFailed(oneLine(e)))}`);
    return false;
  }
}

async function fileExists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function describeAddition(sheet: SheetLayout): string {
  if (sheet.isNew) return `added sheet ${sheet.name}`;
  const header = sheet.blocks[0]?.values[0] ?? [];
  const added = header.filter((v): v is string => typeof v === 'string');
  if (sheet.key === 'plan') {
    const fields = sheet.blocks[0]?.values.map((r) => r[0]).filter((v): v is string => typeof v === 'string') ?? [];
    return `${sheet.name}: added fields ${fields.join(', ')}`;
  }
  return `${sheet.name}: added columns ${added.join(', ')}`;
}

export function quoteArg(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
