// A corpus of bad .xlsx files, built in code: each gets one line saying why,
// exit status 2, and the file is left byte for byte as it was. Also: a write
// that fails half-way leaves the plan as it was.

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCheck } from '../../cli/commands';
import { runShare } from '../../cli/share';
import { readPlanPackage } from '../../cli/package-reader';
import { guardWholeXlsx, guardXlsx } from '../../cli/xlsx-guard';
import { basePlan, buildWorkbook } from '../fixtures/plan-fixture';
import { captureIo } from './xlsx-files';

let dir: string;
let good: Buffer;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'kap-bad-'));
  const wb = new ExcelJS.Workbook();
  for (const sheet of buildWorkbook(basePlan('en')).sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.values.forEach((row, i) => row.forEach((v, j) => void (v !== null && v !== undefined && (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue))));
  }
  good = Buffer.from(await wb.xlsx.writeBuffer());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function withParts(base: Buffer, parts: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(base);
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** An OLE2 (compound file) container whose directory names these streams, as Excel writes encrypted and .xls files. */
function compoundFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  const directory = Buffer.alloc(512);
  ['Root Entry', ...streams].forEach((name, i) => {
    const entry = directory.subarray(i * 128, i * 128 + 128);
    Buffer.from(name, 'utf16le').copy(entry);
    entry.writeUInt16LE((name.length + 1) * 2, 64);
    entry[66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, directory, Buffer.alloc(1024, 0x5a)]);
}

/** Sets the declared uncompressed size of one part in the zip's central directory. */
function declareSize(zip: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(part);
  for (let p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), out.length); p >= 0; p = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p - 1)) {
    const n = out.readUInt16LE(p + 28);
    if (out.subarray(p + 46, p + 46 + n).equals(name)) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
  }
  throw new Error(`no ${part} in the zip`);
}

interface BadFile {
  name: string;
  build: () => Promise<Buffer>;
  /** Words the one-line reason must hold. */
  reason: RegExp;
}

const SHEET = 'xl/worksheets/sheet1.xml';

const CORPUS: BadFile[] = [
  { name: 'a CSV file named .xlsx', build: async () => Buffer.from('Account,Revenue\nAcme,100\n'), reason: /not an \.xlsx workbook/ },
  { name: 'an empty file', build: async () => Buffer.alloc(0), reason: /empty/ },
  { name: 'a truncated zip', build: async () => good.subarray(0, Math.floor(good.length / 2)), reason: /damaged/ },
  { name: 'a password-protected workbook', build: async () => compoundFile(['EncryptionInfo', 'EncryptedPackage']), reason: /password-protected/ },
  { name: 'an old .xls workbook', build: async () => compoundFile(['Workbook']), reason: /\.xls/ },
  {
    name: 'a zip with no workbook inside',
    build: async () => {
      const zip = new JSZip();
      zip.file('word/document.xml', '<w:document/>');
      zip.file('[Content_Types].xml', '<Types/>');
      return zip.generateAsync({ type: 'nodebuffer' });
    },
    reason: /no xl\/workbook\.xml/,
  },
  { name: 'a zip bomb declaring gigabytes', build: async () => declareSize(good, SHEET, 0xfff00000), reason: /zip bomb/ },
  {
    name: 'a sheet with a million used rows',
    build: async () => {
      const row = '<row><c t="n"><v>1</v></c></row>';
      const rows = Buffer.alloc(row.length * 1_000_000, row);
      const xml = Buffer.concat([Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'), rows, Buffer.from('</sheetData></worksheet>')]);
      return withParts(good, { [SHEET]: xml });
    },
    reason: /1,000,000 rows/,
  },
  {
    name: 'a sheet whose size lies beyond the grid',
    build: async () => withParts(good, { [SHEET]: '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFE2000000"/><sheetData/></worksheet>' }),
    reason: /beyond what any spreadsheet holds/,
  },
  { name: 'a workbook with macros', build: async () => withParts(good, { 'xl/vbaProject.bin': compoundFile(['VBA']) }), reason: /macros/ },
  {
    name: 'a workbook with external links',
    build: async () => withParts(good, { 'xl/externalLinks/externalLink1.xml': '<externalLink><externalBook r:id="rId1"/></externalLink>' }),
    reason: /external links/,
  },
];

describe.each(CORPUS)('$name', (bad) => {
  let file: string;
  let before: string;
  beforeAll(async () => {
    const bytes = await bad.build();
    file = path.join(dir, `${bad.name.replace(/\W+/g, '-')}.xlsx`);
    writeFileSync(file, bytes);
    before = sha(bytes);
  });

  test('the guard in front of ExcelJS refuses it with a reason', () => {
    const guarded = guardWholeXlsx(readFileSync(file));
    expect(guarded.ok).toBe(false);
    if (!guarded.ok) expect(guarded.reason).toMatch(bad.reason);
  });

  test('kap share: exit 2, one line naming the file and the reason, no copy written, the file unchanged', async () => {
    const out = path.join(dir, `client-${path.basename(file)}`);
    const cap = captureIo();
    expect(await runShare({ file, out }, cap.io)).toBe(2);
    expect(cap.err).toHaveLength(1);
    expect(cap.err[0]).toContain(file);
    expect(cap.err[0]).toMatch(bad.reason);
    expect(existsSync(out)).toBe(false);
    expect(sha(readFileSync(file))).toBe(before);
  });

  test('kap check --write: exit 2, one line with the reason, the file unchanged', async () => {
    const cap = captureIo();
    expect(await runCheck({ file, json: false, write: true }, cap.io)).toBe(2);
    expect(cap.err).toHaveLength(1);
    expect(cap.err[0]).toMatch(bad.reason);
    expect(sha(readFileSync(file))).toBe(before);
  });
});

describe('zip bombs whose declared sizes lie', () => {
  test('a part that inflates past the budget is refused before ExcelJS reads it, and by the reader as it streams it', async () => {
    const bomb = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const zip = await withParts(good, { [SHEET]: bomb });
    const lying = declareSize(zip, SHEET, 100);
    const limits = { maxUnpackedBytes: 1024 * 1024, maxSheetRows: 200_000 };
    // The cheap gate trusts the declared sizes; what inflates past them is caught where the part is inflated.
    expect(guardXlsx(lying, limits)).toEqual({ ok: true });
    expect(guardWholeXlsx(lying, limits)).toEqual({ ok: false, reason: expect.stringMatching(/zip bomb/) });
    expect(() => readPlanPackage(lying, 'bomb.xlsx', { limits })).toThrow(/^bomb\.xlsx: .*zip bomb/);
    expect(deflateRawSync(bomb).length).toBeLessThan(bomb.length / 100);
  });

  test('a good plan passes the guard', () => {
    expect(guardXlsx(good)).toEqual({ ok: true });
  });
});

describe('a write that fails leaves everything as it was', () => {
  test('kap share into a folder that cannot exist (its parent is a file): exit 2, the plan unchanged', async () => {
    // A path through a file fails for every user, root included.
    const file = path.join(dir, 'plan-ok.xlsx');
    writeFileSync(file, good);
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const cap = captureIo();
    expect(await runShare({ file, out: path.join(blocker, 'client.xlsx') }, cap.io)).toBe(2);
    expect(cap.err).toHaveLength(1);
    expect(cap.err[0]).toMatch(/cannot write/);
    expect(sha(readFileSync(file))).toBe(sha(good));
  });

  test('kap check --write whose final rename fails: exit 2, the plan byte-identical, no temp file left', async () => {
    const folder = path.join(dir, 'rename-fails');
    mkdirSync(folder);
    const file = path.join(folder, 'plan.xlsx');
    writeFileSync(file, good);
    // The last step of a safe save is the rename over the plan; make it fail the way a full or foreign disk does (root too).
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }));
    try {
      const cap = captureIo();
      expect(await runCheck({ file, json: false, write: true }, cap.io)).toBe(2);
      expect(rename).toHaveBeenCalled();
      expect(cap.err).toHaveLength(1);
      expect(sha(readFileSync(file))).toBe(sha(good));
      expect(readdirSync(folder)).toEqual(['plan.xlsx']);
    } finally {
      rename.mockRestore();
    }
  });

  test('kap share whose final rename fails: exit 2, no copy, no temp file', async () => {
    const folder = path.join(dir, 'share-rename-fails');
    mkdirSync(folder);
    const file = path.join(folder, 'plan.xlsx');
    writeFileSync(file, good);
    const rename = jest.spyOn(fsp, 'rename').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    try {
      const cap = captureIo();
      expect(await runShare({ file, out: path.join(folder, 'client.xlsx') }, cap.io)).toBe(2);
      expect(cap.err[0]).toMatch(/cannot write .*client\.xlsx: ENOSPC/);
      expect(readdirSync(folder)).toEqual(['plan.xlsx']);
      expect(sha(readFileSync(file))).toBe(sha(good));
    } finally {
      rename.mockRestore();
    }
  });

  test('kap share refuses to write over the plan itself, through another path to it', async () => {
    const file = path.join(dir, 'plan-self.xlsx');
    writeFileSync(file, good);
    const cap = captureIo();
    const sneaky = path.join(dir, '..', path.basename(dir), '.', 'plan-self.xlsx');
    expect(await runShare({ file, out: sneaky, force: true }, cap.io)).toBe(2);
    expect(cap.err[0]).toMatch(/is the plan itself/);
    expect(sha(readFileSync(file))).toBe(sha(good));
  });

  test('kap share does not replace an existing copy without --force, and does with it', async () => {
    const file = path.join(dir, 'plan-force.xlsx');
    const out = path.join(dir, 'client-force.xlsx');
    writeFileSync(file, good);
    writeFileSync(out, 'old copy');
    const cap = captureIo();
    expect(await runShare({ file, out }, cap.io)).toBe(2);
    expect(cap.err[0]).toMatch(/already exists; add --force/);
    expect(readFileSync(out, 'utf8')).toBe('old copy');
    expect(await runShare({ file, out, force: true }, captureIo().io)).toBe(0);
    expect(guardXlsx(readFileSync(out))).toEqual({ ok: true });
  });
});
