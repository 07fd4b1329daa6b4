// The handlers of kap's commands: what each prints and which exit status it
// returns. Argument parsing lives in main.ts; the .xlsx work in xlsx-workbook.ts;
// every decision about the plan in core/.

import { access } from 'node:fs/promises';
import { checkPlan, toJson } from '../core/check';
import { Language } from '../core/contract';
import { reviewInputOf, reviewLayout } from '../core/layout/review';
import { SheetLayout, templateLayout } from '../core/layout/template';
import { sampleData } from '../core/sample';
import { Day, dayFromParts } from '../core/values';
import { WorkbookInput } from '../core/read';
import { readPlanFile } from './package-reader';
import { humanReport, reviewWrittenLine } from './report';
import { oneLine, PlanWorkbook, UnreadableWorkbook } from './xlsx-workbook';

/** Where a command prints: stdout and stderr lines (tests pass their own). */
export interface Io {
  out(line: string): void;
  err(line: string): void;
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
}

/** `kap new`: a new plan workbook, or only what an existing one lacks. */
export async function runNew(options: NewOptions, io: Io): Promise<number> {
  const exists = await fileExists(options.file);
  const book = exists ? await openOrReport(options.file, io) : PlanWorkbook.empty();
  if (!book) return EXIT.cannot;
  const data = options.account ? { plan: { account: options.account }, rows: {} } : undefined;
  const layout = templateLayout(book.input(), options.language ?? 'en', data);
  if (layout.sheets.length === 0) {
    io.out(`${options.file} already has every plan sheet and column: nothing to add.`);
    return EXIT.ok;
  }
  book.applyTemplate(layout);
  if (!(await saveOrReport(book, options.file, io))) return EXIT.cannot;
  if (!exists) {
    io.out(`Created ${options.file} (${layout.language === 'es' ? 'Spanish' : 'English'}): ${layout.sheets.map((s) => s.name).join(', ')}.`);
  } else {
    io.out(`Completed ${options.file}:`);
    for (const sheet of layout.sheets) io.out(`  ${describeAddition(sheet)}`);
    if (options.language && options.language !== layout.language) {
      io.out(`  (the workbook is in ${layout.language === 'es' ? 'Spanish' : 'English'}, so what was added is too)`);
    }
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
  if (!(await saveOrReport(book, options.file, io))) return EXIT.cannot;
  io.out(`Wrote the sample plan (${lang === 'es' ? 'Spanish' : 'English'}) to ${options.file}.`);
  io.out(`Check it with: kap check ${quoteArg(options.file)}`);
  return EXIT.ok;
}

/** `kap check`: the report or the JSON, the Review sheet with --write, and the exit status. */
export async function runCheck(options: CheckCommandOptions, io: Io): Promise<number> {
  const input = await readOrReport(options.file, io);
  if (!input) return EXIT.cannot;
  const asOf = options.asOf ?? today();
  const result = checkPlan(input, {
    asOf,
    language: options.language,
    staleKnowledgeDays: options.staleKnowledgeDays,
    staleContactDays: options.staleContactDays,
  });
  let reviewSheet: string | undefined;
  if (options.write) {
    const book = await openOrReport(options.file, io);
    if (!book) return EXIT.cannot;
    const layout = reviewLayout(reviewInputOf(result, asOf), book.sheetNames());
    book.applyReview(layout);
    if (!(await saveOrReport(book, options.file, io))) return EXIT.cannot;
    reviewSheet = layout.name;
  }
  if (options.json) {
    io.out(JSON.stringify(toJson(result), null, 2));
  } else {
    for (const line of humanReport(result, asOf)) io.out(line);
    if (reviewSheet) {
      io.out('');
      io.out(reviewWrittenLine(result.outputLanguage, reviewSheet, options.file));
    }
  }
  return result.findings.some((f) => f.severity === 'error') ? EXIT.errorsFound : EXIT.ok;
}

/** What the Review sheet shows, from a check. */

/** Today on this machine's calendar: what "overdue" means to the person running the check. */
export function today(): Day {
  const now = new Date();
  return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function readOrReport(file: string, io: Io): Promise<WorkbookInput | undefined> {
  try {
    return await readPlanFile(file);
  } catch (e) {
    io.err(`kap: ${e instanceof UnreadableWorkbook ? e.message : `${file}: ${oneLine(e)}`}`);
    return undefined;
  }
}

async function openOrReport(file: string, io: Io): Promise<PlanWorkbook | undefined> {
  try {
    return await PlanWorkbook.open(file);
  } catch (e) {
    io.err(`kap: ${e instanceof UnreadableWorkbook ? e.message : `${file}: ${oneLine(e)}`}`);
    return undefined;
  }
}

async function saveOrReport(book: PlanWorkbook, file: string, io: Io): Promise<boolean> {
  try {
    await book.save(file);
    return true;
  } catch (e) {
    io.err(`kap: cannot write ${file}: ${oneLine(e)} (the file was not changed)`);
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

function quoteArg(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
