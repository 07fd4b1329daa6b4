// The leak test for the Sheets add-on's client copy: the sentinel plan sits in
// the spreadsheet double as Sheets holds it, the built Code.js's
// prepareClientCopy (what the sidebar calls) filters it, the sidebar's own
// writer (xlsxFile) makes the .xlsx it downloads, and that file carries no
// sentinel in any part, every shared value, formula-looking text only as text,
// while the spreadsheet stays exactly as it was.

import { ClientCopy } from '../../core/client-copy';
import { LANGUAGES } from '../../core/contract';
import { xlsxFile } from '../../excel-addin/client-copy-file';
import { sentinelPlan, SentinelPlan } from '../fixtures/sentinel-plan';
import { CopyPackage, describeCopyPackage, readCopyPackage } from '../safety/copy-package';
import { buildAddon, LoadedAddon, loadAddon } from './addon';

let code: string;
beforeAll(() => {
  code = buildAddon();
});

describe.each(LANGUAGES)('the sidebar client copy of the sentinel plan in Sheets (%s)', (lang) => {
  let plan: SentinelPlan;
  let addon: LoadedAddon;
  let before: ReturnType<LoadedAddon['book']['snapshot']>;
  let copy: CopyPackage;

  beforeAll(async () => {
    plan = sentinelPlan(lang);
    // Dates become date cells, read back as Date objects in the spreadsheet's time zone, as in Sheets.
    addon = loadAddon(code, plan.input);
    before = addon.book.snapshot();
    // What the sidebar receives through google.script.run (JSON), then turns into the file it downloads.
    const filtered = addon.call<ClientCopy>('prepareClientCopy', lang);
    copy = await readCopyPackage(xlsxFile(filtered.sheets));
  });

  test('the spreadsheet holds every sentinel before the copy, so finding none in the copy means something', () => {
    // Sheet names and every cell's text (numbers as their decimal text); a header sentinel carries its [client] marker.
    const held = Object.entries(before)
      .flatMap(([name, sheet]) => [name, ...sheet.values.flat().map(String)])
      .join('\n');
    expect(plan.sentinels.filter((s) => !held.includes(s))).toEqual([]);
  });

  describeCopyPackage(() => ({ plan, copy }));

  test('the spreadsheet is unchanged, cell for cell, and the server only read it', () => {
    expect(addon.book.snapshot()).toEqual(before);
    expect(addon.book.sheets.map((s) => s.name)).toEqual(plan.input.sheets.map((s) => s.name));
    const calls = [...addon.book.calls.byMethod.keys()];
    expect(calls).toContain('Range.getValues');
    expect(calls.filter((m) => /\.(set|insert|clear|delete|copy|add|hide|activate)/i.test(m))).toEqual([]);
  });
});
