// Inert text: the one core function that decides how workbook text is written
// back, and proof that the CLI's client copy keeps formula-looking text as the
// same literal text when LibreOffice opens it.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runShare } from '../../cli/share';
import { inertText, needsQuote } from '../../core/inert';
import { hostValue } from '../../core/layout/cells';
import { DANGEROUS_TEXT } from '../fixtures/sentinel-plan';
import { libreOffice } from '../support/programs';
import { captureIo, sentinelXlsx } from './xlsx-files';
import { parseCsv } from '../support/csv';

describe('inertText and needsQuote', () => {
  test.each([
    ['=HYPERLINK("http://x","y")'],
    ["+cmd|' /C calc'!A0"],
    ['-2+3'],
    ['@SUM(A1)'],
    ['\tTab-led'],
    ['\rCR-led'],
    ['\nLF-led'],
    ['=1+1'],
    ['007'],
    ['2027-03-15'],
    ['TRUE'],
    ['falso'],
    ['50%'],
    ['1,5'],
    ["'quoted"],
    ['+1 555 0100'],
    ['$5'],
    ['(5)'],
    ['#N/A'],
    ['Mar 15'],
    ['enero 2027'],
    [' -5'],
    [' +3'],
  ])('%j needs a quote and is written behind an apostrophe', (text) => {
    expect(needsQuote(text)).toBe(true);
    expect(inertText(text)).toBe(`'${text}`);
    expect(hostValue(text)).toBe(`'${text}`);
  });

  test.each([['Acme Steel'], ['K1, K2'], ['C7'], ['Q1 review'], ['Marketing'], ['True north'], [''], [' =leading space'], ['a=b']])('%j is left as it is', (text) => {
    expect(needsQuote(text)).toBe(false);
    expect(inertText(text)).toBe(text);
  });

  test('numbers, booleans and dates are not text and are not quoted', () => {
    expect(hostValue(-2)).toBe(-2);
    expect(hostValue(true)).toBe(true);
    expect(hostValue({ date: 0 })).toBe(25569);
  });
});

const lo = libreOffice();

lo.describe('the client copy opened in LibreOffice', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kap-inert-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('formula-looking text comes back as the same literal text', async () => {
    const { bytes } = await sentinelXlsx('en');
    const file = path.join(dir, 'plan.xlsx');
    const out = path.join(dir, 'client.xlsx');
    writeFileSync(file, bytes);
    expect(await runShare({ file, out }, captureIo().io)).toBe(0);
    const csvDir = path.join(dir, 'csv');
    execFileSync(
      lo.path!,
      [
        '--headless',
        `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`,
        '--convert-to',
        'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1',
        '--outdir',
        csvDir,
        out,
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const cells = readdirSync(csvDir)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((f) => parseCsv(readFileSync(path.join(csvDir, f), 'utf8')).flat());
    for (const text of DANGEROUS_TEXT) expect(cells).toContain(text);
    // Nothing was evaluated: a formula would have shown its result instead.
    expect(cells).not.toContain('1');
    expect(cells).not.toContain('y');
  }, 180_000);
});

/** RFC 4180 CSV: quoted fields may hold commas, quotes (doubled) and line breaks. */
