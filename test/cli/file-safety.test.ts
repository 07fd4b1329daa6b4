// What kap promises about the user's file when it writes one (issue 10, file
// safety), through the real command line: kap in-process for the file-system
// promises, `node bin/kap.js` for what only a real process shows (a closed or
// full stdout, a write the system cuts off, the progress line's silence).
//
// Tests run as root, who may write a read-only file or into a read-only
// folder; kap keeps to the mode bits anyway, and the failures are made in
// ways that stop root too (a file-size limit, a failed rename).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ownerFileNames } from '../../cli/file-safety';
import { planOfSize } from '../../bench/plan-of-size';
import { AS_OF, kap, removeTempDirs, tempDir, writeGrids } from './kap';

const root = path.resolve(__dirname, '../..');
const kapBin = path.join(root, 'bin/kap.js');

let sample: Buffer;

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(root, 'build/build.mjs'), 'cli'], { cwd: root, stdio: 'ignore' });
  const file = path.join(tempDir(), 'sample.xlsx');
  await kap('sample', file);
  sample = readFileSync(file);
});
afterAll(removeTempDirs);

/** A fresh copy of the sample plan, named `name`, in a folder of its own. */
function planCopy(name = 'plan.xlsx', bytes: Buffer = sample): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return { dir, file };
}

/** The names of the workbook's sheets, in order. */
async function sheetNames(file: string): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/workbook.xml')!.async('string');
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

const write = (file: string, ...more: string[]) => kap('check', file, '--write', '--as-of', AS_OF, ...more);

/** A refusal: exit 2, exactly one line on stderr, nothing on stdout, the file byte for byte as it was. */
function expectRefused(run: { code: number; out: string; errLines: string[] }, file: string, before: Buffer, reason: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.out).toBe('');
  expect(run.errLines).toHaveLength(1);
  expect(run.errLines[0]).toMatch(reason);
  expect(readFileSync(file).equals(before)).toBe(true);
}

describe('a read-only file', () => {
  it('is refused, exit 2 with one line, and left unchanged (check --write and new)', async () => {
    const { file } = planCopy();
    chmodSync(file, 0o444);
    expectRefused(await write(file), file, sample, /read-only/);
    expectRefused(await kap('new', file), file, sample, /read-only/);
    // --force is about lock files and links, never about a file the owner made read-only.
    expectRefused(await write(file, '--force'), file, sample, /read-only/);
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });
});

describe('a workbook open in Excel or LibreOffice (a lock file beside it)', () => {
  const forms: [string, string, string][] = [
    ['Excel’s owner file, ~$ before the whole name', 'plan.xlsx', '~$plan.xlsx'],
    ['LibreOffice’s lock file', 'plan.xlsx', '.~lock.plan.xlsx#'],
    ['the shortened owner file of a long name (~$ over the first two characters)', 'Quarterly plan.xlsx', '~$arterly plan.xlsx'],
    ['the shortened owner file of a 7-character name (~$ over the first one)', 'plan-q1.xlsx', '~$lan-q1.xlsx'],
  ];

  it.each(forms)('%s is refused with one line naming it, unless --force', async (_what, name, lock) => {
    const { dir, file } = planCopy(name);
    writeFileSync(path.join(dir, lock), 'owner');
    const refused = await write(file);
    expectRefused(refused, file, sample, /open in Excel or LibreOffice/);
    expect(refused.errLines[0]).toContain(lock);
    expectRefused(await kap('new', file), file, sample, /open in Excel or LibreOffice/);
    const forced = await write(file, '--force');
    expect(forced.code).toBe(1);
    expect(await sheetNames(file)).toContain('Review');
  });

  it('a lock file of another workbook is not taken for this one’s: xyplan.xlsx is written while plan.xlsx is open', async () => {
    const { dir, file } = planCopy('xyplan.xlsx');
    writeFileSync(path.join(dir, 'plan.xlsx'), sample);
    writeFileSync(path.join(dir, '~$plan.xlsx'), 'owner');
    writeFileSync(path.join(dir, '.~lock.plan.xlsx#'), 'owner');
    const run = await write(file);
    expect([run.code, run.err]).toEqual([1, '']);
    expect(await sheetNames(file)).toContain('Review');
  });

  it('a short workbook’s exact owner file is its own, not the shortened lock of a longer name beside it', async () => {
    // ~$cdefgh.xlsx is what Excel writes for cdefgh.xlsx; it is also abcdefgh.xlsx's shortened form.
    const { dir, file } = planCopy('abcdefgh.xlsx');
    writeFileSync(path.join(dir, 'cdefgh.xlsx'), sample);
    writeFileSync(path.join(dir, '~$cdefgh.xlsx'), 'owner');
    expect(ownerFileNames('abcdefgh.xlsx')).toEqual({ exact: '~$abcdefgh.xlsx', shortened: '~$cdefgh.xlsx' });
    const run = await write(file);
    expect([run.code, run.err]).toEqual([1, '']);
    expectRefused(await write(path.join(dir, 'cdefgh.xlsx')), path.join(dir, 'cdefgh.xlsx'), sample, /~\$cdefgh\.xlsx/);
  });

  it('short names have no shortened form at all', () => {
    expect(ownerFileNames('xyplan.xlsx')).toEqual({ exact: '~$xyplan.xlsx', shortened: undefined });
    expect(ownerFileNames('plan.xlsx')).toEqual({ exact: '~$plan.xlsx', shortened: undefined });
  });
});

describe('links', () => {
  it('a hard-linked file is refused unless --force (the safe save would split the links)', async () => {
    const { dir, file } = planCopy();
    const other = path.join(dir, 'other-name.xlsx');
    linkSync(file, other);
    expectRefused(await write(file), file, sample, /2 hard links.*--force/);
    expect(readFileSync(other).equals(sample)).toBe(true);
    const forced = await write(file, '--force');
    expect(forced.code).toBe(1);
    expect(await sheetNames(file)).toContain('Review');
  });

  it('a symlink is followed: its target is written, and the link stays a link to it', async () => {
    const { dir, file } = planCopy();
    const linkDir = path.join(dir, 'shortcuts');
    mkdirSync(linkDir);
    const link = path.join(linkDir, 'my plan.xlsx');
    symlinkSync(file, link);
    const run = await write(link);
    expect([run.code, run.err]).toEqual([1, '']);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(file);
    expect(await sheetNames(file)).toContain('Review');
    // The temporary file went beside the target, not beside the link.
    expect(readdirSync(linkDir)).toEqual(['my plan.xlsx']);
    expect(readdirSync(dir).sort()).toEqual(['plan.xlsx', 'shortcuts']);
  });
});

describe('a safe save', () => {
  it('keeps the file’s mode', async () => {
    const { file } = planCopy();
    chmodSync(file, 0o640);
    expect((await write(file)).code).toBe(1);
    expect(statSync(file).mode & 0o7777).toBe(0o640);
    expect(await sheetNames(file)).toContain('Review');
  });

  it('keeps the file’s owner and group (a plan chowned to another user, written by root)', async () => {
    const { file } = planCopy();
    chownSync(file, 65534, 65534);
    expect((await write(file)).code).toBe(1);
    expect(await sheetNames(file)).toContain('Review');
    const after = statSync(file);
    expect([after.uid, after.gid]).toEqual([65534, 65534]);
  });

  it('writes a temporary file beside the target and renames it over the target; nothing is left behind', async () => {
    const { dir, file } = planCopy();
    const rename = jest.spyOn(fsp, 'rename');
    try {
      expect((await write(file)).code).toBe(1);
      expect(rename).toHaveBeenCalledTimes(1);
      const [from, to] = rename.mock.calls[0] as [string, string];
      expect(path.dirname(from)).toBe(dir);
      expect(to).toBe(file);
    } finally {
      rename.mockRestore();
    }
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('a write the system cuts off (a file-size limit, as a full disk does): exit 2, one plain line without the temporary file’s name, the file unchanged, nothing left behind', () => {
    const { dir, file } = planCopy();
    // bash ignores SIGXFSZ for kap, so the limit turns into a failed write (EFBIG) instead of a killed process; root is held to it too.
    const limitKb = Math.floor(sample.length / 1024 / 4);
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f ${limitKb}; exec "$0" "$@"`, process.execPath, kapBin, 'check', file, '--write', '--as-of', AS_OF], { encoding: 'utf8', timeout: 60000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([`kap: cannot write ${file}: EFBIG: the file would be larger than this system lets kap write (the file was not changed)`]);
    expect(r.stderr).not.toMatch(/\.tmp|\.plan\.xlsx\./);
    expect(readFileSync(file).equals(sample)).toBe(true);
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });

  it('a rename that fails: one plain line, the file unchanged, the temporary file removed', async () => {
    const { dir, file } = planCopy();
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error(`EXDEV: cross-device link not permitted, rename '${dir}/.plan.xlsx.abc.tmp' -> '${file}'`), { code: 'EXDEV' }));
    try {
      expectRefused(await write(file), file, sample, /^kap: cannot write .*plan\.xlsx: EXDEV: the file cannot be replaced across disks \(the file was not changed\)$/);
    } finally {
      rename.mockRestore();
    }
    expect(readdirSync(dir)).toEqual(['plan.xlsx']);
  });
});

describe('files kap makes from nothing (sample, the client copy, the portfolio’s reports)', () => {
  it('never replace a read-only file, even with --force', async () => {
    const { dir, file } = planCopy();
    const old = path.join(dir, 'old.xlsx');
    writeFileSync(old, 'keep me');
    chmodSync(old, 0o444);
    const sampleRun = await kap('sample', old, '--force');
    expect([sampleRun.code, sampleRun.errLines.length]).toEqual([2, 1]);
    expect(sampleRun.err).toMatch(/cannot write .*old\.xlsx: the file is read-only/);
    const shareRun = await kap('share', file, '--out', old, '--force');
    expect([shareRun.code, shareRun.errLines.length]).toEqual([2, 1]);
    expect(shareRun.err).toMatch(/read-only/);
    expect(readFileSync(old, 'utf8')).toBe('keep me');
    expect(readdirSync(dir).sort()).toEqual(['old.xlsx', 'plan.xlsx']);
  });

  it('never replace a file open in Excel or LibreOffice: the portfolio’s --out is refused; share --force writes anyway', async () => {
    const { dir, file } = planCopy();
    const out = path.join(tempDir(), 'portfolio.xlsx');
    writeFileSync(out, 'last week');
    writeFileSync(path.join(path.dirname(out), '~$portfolio.xlsx'), 'owner');
    const run = await kap('portfolio', dir, '--out', out, '--as-of', AS_OF);
    expect(run.code).toBe(2);
    expect(run.errLines).toEqual([`kap: cannot write ${out}: the file is open in Excel or LibreOffice (lock file ~$portfolio.xlsx beside it): close it there and run kap again`]);
    expect(readFileSync(out, 'utf8')).toBe('last week');
    const client = path.join(dir, 'client.xlsx');
    writeFileSync(client, 'old copy');
    writeFileSync(path.join(dir, '.~lock.client.xlsx#'), 'owner');
    expect((await kap('share', file, '--out', client)).code).toBe(2);
    expect((await kap('share', file, '--out', client, '--force')).code).toBe(0);
    expect(readFileSync(client).subarray(0, 2).toString()).toBe('PK');
  });
});

/** The package with its parts changed by `edit` (xml text in, xml text out). */
async function withParts(bytes: Buffer, edits: Record<string, (xml: string) => string>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [part, edit] of Object.entries(edits)) zip.file(part, edit(await zip.file(part)!.async('string')));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const STRUCTURE_LOCK = '<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="c2FtcGxlaGFzaA==" workbookSaltValue="c2FsdA==" workbookSpinCount="100000" lockStructure="1"/>';
const SHEET_LOCK = '<sheetProtection algorithmName="SHA-512" hashValue="c2hlZXRoYXNo" saltValue="c2FsdDI=" spinCount="100000" sheet="1" objects="1" scenarios="1" formatColumns="0"/>';
const lockStructure = (xml: string): string => xml.replace(/(<workbookPr\b[^>]*\/>)/, `$1${STRUCTURE_LOCK}`);
const lockSheet = (xml: string): string => xml.replace('</sheetData>', `</sheetData>${SHEET_LOCK}`);

/** Every protection element of every part, as written. */
async function protections(file: string): Promise<Record<string, string[]>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(zip.files).sort()) {
    if (!name.endsWith('.xml')) continue;
    const found = (await zip.file(name)!.async('string')).match(/<(?:\w+:)?(?:sheetProtection|workbookProtection)\b[^>]*>/g);
    if (found) out[name] = found;
  }
  return out;
}

describe('protection', () => {
  it('a workbook whose structure protection forbids adding a sheet is refused when kap would add one (the Review sheet, missing plan sheets)', async () => {
    const locked = await withParts(sample, { 'xl/workbook.xml': lockStructure });
    const { file } = planCopy('plan.xlsx', locked);
    expectRefused(await write(file), file, locked, /structure is protected.*Review/);
    // A plan without its Capacity sheet: `kap new` would add it.
    const noCapacity = await withParts(locked, { 'xl/workbook.xml': (xml) => xml.replace(/<sheet\b[^>]*name="Capacity"[^>]*\/>/, '') });
    const other = planCopy('partial.xlsx', noCapacity);
    expectRefused(await kap('new', other.file), other.file, noCapacity, /structure is protected.*Capacity/);
  });

  it('a structure-protected workbook that already has its Review sheet gets it replaced, and the protection stays as it was', async () => {
    const { file } = planCopy();
    expect((await write(file)).code).toBe(1);
    const reviewed = readFileSync(file);
    writeFileSync(file, await withParts(reviewed, { 'xl/workbook.xml': lockStructure }));
    const before = await protections(file);
    expect(before['xl/workbook.xml']).toEqual([STRUCTURE_LOCK]);
    expect((await write(file)).code).toBe(1);
    expect(await protections(file)).toEqual(before);
  });

  it('protected plan sheets are read and never unprotected: every protection element is identical after a write', async () => {
    const protectedSheets = await withParts(sample, { 'xl/worksheets/sheet1.xml': lockSheet, 'xl/worksheets/sheet6.xml': lockSheet });
    const { file } = planCopy('plan.xlsx', protectedSheets);
    const before = await protections(file);
    expect(Object.keys(before)).toEqual(['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet6.xml']);
    const run = await write(file);
    expect([run.code, run.err]).toEqual([1, '']);
    expect(await sheetNames(file)).toContain('Review');
    expect(await protections(file)).toEqual(before);
  });

  it('kap new does not write new columns into a protected sheet: refused, the file unchanged', async () => {
    // The Commitments sheet lacks its last column and is protected: kap would have to write into it.
    const bytes = await withParts(sample, {
      'xl/worksheets/sheet6.xml': (xml) => lockSheet(xml.replace(/<c r="N1"[^>]*>.*?<\/c>/, '')),
    });
    const { file } = planCopy('plan.xlsx', bytes);
    expectRefused(await kap('new', file), file, bytes, /Commitments is protected/);
  });
});

/** Runs `node bin/kap.js ARGS` with stdout going where `stdout` says; resolves with the exit status and stderr. */
function runWithStdout(args: string[], stdout: 'pipe' | number, closeEarly = false): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kapBin, ...args], { stdio: ['ignore', stdout, 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    // The reader goes away before kap writes a byte, as `kap check plan.xlsx | head -0` does.
    if (closeEarly) child.stdout!.destroy();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('stdout that cannot take the report', () => {
  it('a closed pipe (the reader exits early) is exit 2 with one line, not a silent exit 1', async () => {
    const { file } = planCopy();
    const r = await runWithStdout(['check', file, '--as-of', AS_OF], 'pipe', true);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toEqual(['kap: the output was closed before kap finished writing']);
  });

  it('a full output (/dev/full) is exit 2 with one line', async () => {
    const { file } = planCopy();
    const full = openSync('/dev/full', 'w');
    try {
      const r = await runWithStdout(['check', file, '--json', '--as-of', AS_OF], full);
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')).toEqual(['kap: the output cannot be written (ENOSPC)']);
    } finally {
      closeSync(full);
    }
  });
});

describe('progress of a long read', () => {
  let big: string;
  beforeAll(async () => {
    // Progress is reported every 5,000 rows read.
    big = path.join(tempDir(), 'big.xlsx');
    await writeGrids(planOfSize(3000), big);
  });

  it('says nothing on stderr when stderr is not a terminal', () => {
    const r = spawnSync(process.execPath, [kapBin, 'check', big, '--json', '--as-of', AS_OF], { encoding: 'utf8', timeout: 120000, maxBuffer: 64 * 1024 * 1024 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('shows the rows read, in place, when stderr is a terminal (a pseudo-terminal from script(1)), and clears the line after', () => {
    const out = path.join(tempDir(), 'report.json');
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(kapBin)} check ${JSON.stringify(big)} --json --as-of ${AS_OF} > ${JSON.stringify(out)}`;
    const r = spawnSync('script', ['-qefc', command, '/dev/null'], { encoding: 'utf8', timeout: 120000 });
    expect(r.status).toBe(1);
    const counts = [...r.stdout.matchAll(/\r\x1b\[Kkap: reading: ([\d,]+) rows/g)].map((m) => Number(m[1].replace(/,/g, '')));
    // Six table sheets of 3,000 rows: several updates, climbing to every row read.
    expect(counts.length).toBeGreaterThan(3);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[counts.length - 1]).toBeGreaterThanOrEqual(18000);
    expect(r.stdout.endsWith('\r\x1b[K')).toBe(true);
    expect(() => JSON.parse(readFileSync(out, 'utf8'))).not.toThrow();
  });
});
