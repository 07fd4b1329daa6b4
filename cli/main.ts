// kap's argument wiring: parse the command line, hand the options to a command
// handler, return its exit status. `runCli` is what tests call in-process;
// `main` is what bin/kap.js calls.

import { version } from '../package.json';
import { Language, LANGUAGES } from '../core/contract';
import { dayFromParts, Day } from '../core/values';
import { EXIT, Io, runCheck, runNew, runSample, today } from './commands';
import { oneLine } from './unreadable-workbook';
import { runShare } from './share';
import { runApprove } from './approve';
import { runPortfolio } from './portfolio/command';
// `npm run demo` calls it from the bundle to write the demo portfolio.
export { writeDemoPortfolio } from './portfolio/demo-portfolio';

const USAGE = `kap ${version}: plan key accounts with the Knowledge -> Vision -> Commitment method, in .xlsx files.

Usage:
  kap new FILE [--lang en|es] [--account NAME] [--force]
      Create a plan workbook with every sheet, or add only what an existing one lacks.
  kap sample FILE [--lang en|es] [--force]
      Write a filled sample plan (a steel and mining group) with gaps to find.
  kap check FILE [--json] [--write [--force]] [--as-of YYYY-MM-DD] [--lang en|es]
                 [--stale-knowledge-days N] [--stale-contact-days N]
      Check the plan: scorecard, findings by phase, unsupported commitments.
      --json    print exactly one JSON object instead of the report
      --write   write the Review sheet into FILE (and change nothing else)
      --force   write even if FILE looks open in Excel or LibreOffice (a lock file beside it)
      --as-of   the day the date rules count from (default: today)
      --lang    the language of the report (default: the workbook's)
  kap share FILE --out CLIENT.xlsx [--lang en|es] [--force]
      Write the client copy: only what the client should see.
  kap approve FILE ID... --by NAME [--as-of YYYY-MM-DD] [--force]
      Approve the commitments with these IDs: writes their Approved by, Approval date and
      Approved terms (cost, hours, due date, team as they are now) and nothing else.
      --as-of   the approval date (default: today)
  kap portfolio PATH... [--capacity FILE] [--out FILE.xlsx] [--html FILE.html] [--json]
                        [--as-of YYYY-MM-DD] [--lang en|es] [--jobs N]
      Check every plan under the PATHs (folders searched for .xlsx) and add up each team's
      commitments across the accounts against the organisation's capacity.
  kap --help | kap --version

Exit status: 0 done (check: no errors), 1 check found errors (portfolio: a conflict, a plan with errors or a file not checked), 2 the file cannot be read or written, wrong arguments, or (approve) a commitment that cannot be approved: nothing is written.
Docs: docs/cli.md and docs/workbook.md.`;

type OptionKind = 'flag' | 'value';

interface CommandSpec {
  options: Record<string, OptionKind>;
  /** Takes more than one positional argument (portfolio: PATHs; approve: FILE and IDs); the others take exactly one FILE. */
  many?: boolean;
}

const COMMANDS: Record<string, CommandSpec> = {
  new: { options: { lang: 'value', account: 'value', force: 'flag' } },
  sample: { options: { lang: 'value', force: 'flag' } },
  check: {
    options: { json: 'flag', write: 'flag', force: 'flag', 'as-of': 'value', lang: 'value', 'stale-knowledge-days': 'value', 'stale-contact-days': 'value' },
  },
  share: { options: { out: 'value', lang: 'value', force: 'flag' } },
  approve: { options: { by: 'value', 'as-of': 'value', force: 'flag' }, many: true },
  portfolio: { options: { capacity: 'value', out: 'value', html: 'value', json: 'flag', 'as-of': 'value', lang: 'value', jobs: 'value' }, many: true },
};

/** A wrong command line: one line on stderr, exit 2. */
class UsageError extends Error {}

interface Parsed {
  file: string;
  files: string[];
  flags: Set<string>;
  values: Map<string, string>;
}

function parse(command: string, spec: CommandSpec, args: string[]): Parsed {
  const files: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || !arg.startsWith('--')) {
      if (!onlyFiles && arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} for ${command}`);
      files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = spec.options[name];
    if (!kind) throw new UsageError(`unknown option --${name} for ${command}`);
    if (kind === 'flag') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1].startsWith('--')) value = args[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    if (values.has(name)) throw new UsageError(`--${name} is given twice`);
    values.set(name, value);
  }
  if (files.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (files.length > 1 && !spec.many) throw new UsageError(`${command} takes one FILE, got ${files.length}: ${files.join(' ')}`);
  return { file: files[0], files, flags, values };
}

function language(parsed: Parsed): Language | undefined {
  const v = parsed.values.get('lang');
  if (v === undefined) return undefined;
  const lang = v.toLowerCase();
  if (!(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be en or es, not "${v}"`);
  return lang as Language;
}

function asOfDay(parsed: Parsed): Day | undefined {
  const v = parsed.values.get('as-of');
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const day = dayFromParts(y, mo, d);
  const real = m && new Date(day * 86400000).toISOString().slice(0, 10) === v;
  if (!real) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not "${v}"`);
  return day;
}

function days(parsed: Parsed, name: string): number | undefined {
  const v = parsed.values.get(name);
  if (v === undefined) return undefined;
  if (!/^\d{1,5}$/.test(v) || Number(v) < 1) throw new UsageError(`--${name} must be a whole number of days (1 or more), not "${v}"`);
  return Number(v);
}

/** Runs kap with the arguments after the program name; never throws, returns the exit status. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    if (command === '--version' || command === '-v') {
      io.out(version);
      return EXIT.ok;
    }
    const spec = COMMANDS[command];
    if (!spec) throw new UsageError(`unknown command "${command}"`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(USAGE);
      return EXIT.ok;
    }
    const parsed = parse(command, spec, args);
    switch (command) {
      case 'new':
        return await runNew({ file: parsed.file, language: language(parsed), account: parsed.values.get('account'), force: parsed.flags.has('force') }, io);
      case 'sample':
        return await runSample({ file: parsed.file, language: language(parsed), force: parsed.flags.has('force') }, io);
      case 'check':
        return await runCheck(
          {
            file: parsed.file,
            json: parsed.flags.has('json'),
            write: parsed.flags.has('write'),
            force: parsed.flags.has('force'),
            asOf: asOfDay(parsed),
            language: language(parsed),
            staleKnowledgeDays: days(parsed, 'stale-knowledge-days'),
            staleContactDays: days(parsed, 'stale-contact-days'),
          },
          io,
        );
      case 'share': {
        const out = parsed.values.get('out');
        if (out === undefined) throw new UsageError('share needs --out CLIENT.xlsx');
        return await runShare({ file: parsed.file, out, language: language(parsed), force: parsed.flags.has('force') }, io);
      }
      case 'approve': {
        const [file, ...ids] = parsed.files;
        if (ids.length === 0) throw new UsageError('approve needs one or more commitment IDs after FILE');
        const by = parsed.values.get('by');
        if (by === undefined) throw new UsageError('approve needs --by NAME: who approves');
        return await runApprove({ file, ids, by, on: asOfDay(parsed) ?? today(), force: parsed.flags.has('force') }, io);
      }
      case 'portfolio': {
        const jobs = parsed.values.get('jobs');
        if (jobs !== undefined && (!/^\d{1,3}$/.test(jobs) || Number(jobs) < 1)) throw new UsageError(`--jobs must be a whole number (1 or more), not "${jobs}"`);
        return await runPortfolio(
          {
            paths: parsed.files,
            capacity: parsed.values.get('capacity'),
            out: parsed.values.get('out'),
            html: parsed.values.get('html'),
            json: parsed.flags.has('json'),
            asOf: asOfDay(parsed) ?? today(),
            language: language(parsed) ?? 'en',
            jobs: jobs === undefined ? undefined : Number(jobs),
            progress: process.stderr.isTTY ? process.stderr : undefined,
          },
          io,
        );
      }
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kap: ${e.message} (see kap --help)`);
      return EXIT.cannot;
    }
    // Whatever went wrong, the user gets one line, not a stack trace; the file was not written.
    io.err(`kap: ${oneLine(e)}`);
    return EXIT.cannot;
  }
}

/** The `kap` program: process arguments in, exit status out. */
export async function main(): Promise<void> {
  // A closed pipe (`kap check plan.xlsx | head`) or a full disk under stdout means the output was not delivered: exit 2, said once on stderr.
  let outputLost = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (outputLost) return;
    outputLost = true;
    const why = e.code === 'EPIPE' ? 'the output was closed before kap finished writing' : `the output cannot be written (${e.code ?? e.message})`;
    process.stderr.write(`kap: ${why}\n`, () => process.exit(EXIT.cannot));
  });
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const io: Io = {
    out: (line) => {
      if (!outputLost) process.stdout.write(`${line}\n`);
    },
    err: (line) => process.stderr.write(`${line}\n`),
    progress: tty
      ? (text) => {
          if (text === undefined) {
            if (shown) process.stderr.write('\r\x1b[K');
            shown = false;
            return;
          }
          shown = true;
          process.stderr.write(`\r\x1b[Kkap: ${text}`);
        }
      : undefined,
  };
  const code = await runCli(process.argv.slice(2), io);
  // Wait for stdout to drain, so a late write error still turns into exit 2.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exitCode = outputLost ? EXIT.cannot : code;
}
