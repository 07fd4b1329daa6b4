// Bad input, systematically: random grids of anything a host could hand over
// (wrong types, invalid dates, error values, ragged and non-array rows, huge
// strings, sheets named like plan sheets) never make the reader or the check
// throw, and every finding names a real cell.
//
// "A real cell" means: `cell` is an A1 address, and either
//  - `sheet` is one of the input's sheets and the cell lies between A1 and
//    the bottom-right of that sheet's area: rows up to one below its last row
//    (where a missing row is to be added), columns up to one past its widest
//    row (the value cell beside a Plan label, where a missing value is to be
//    typed), widened to cover the merged ranges the host reported (merged
//    cells are cells of the sheet even when empty). Cells above or left of a
//    grid that starts below A1 are real cells too (findings about a whole
//    sheet point at A1), so the area starts at A1; or
//  - `sheet` is a contract sheet name that the input does not have (a missing
//    sheet) and the cell is A1.

import fc from 'fast-check';
import { checkPlan } from '../../core/check';
import { clientCopy } from '../../core/client-copy';
import { LANGUAGES, LISTS, PLAN_SHEET, REVIEW_SHEET, TABLE_SHEETS } from '../../core/contract';
import { Finding } from '../../core/finding';
import { readPlan, SheetGrid, WorkbookInput } from '../../core/read';
import { parseA1, parseRange } from '../../core/a1';

const CONTRACT_SHEET_NAMES = [PLAN_SHEET, ...TABLE_SHEETS, REVIEW_SHEET].flatMap((s) => LANGUAGES.map((l) => s[l]));
const HEADERS = [
  ...TABLE_SHEETS.flatMap((s) => s.columns.flatMap((c) => LANGUAGES.map((l) => c[l]))),
  ...PLAN_SHEET.fields.flatMap((f) => LANGUAGES.map((l) => f[l])),
];
const LIST_LABELS = Object.values(LISTS).flatMap((items) => items.flatMap((i) => LANGUAGES.map((l) => i[l])));
const HUGE = 'x'.repeat(40_000);

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 2, arbitrary: fc.constantFrom(...LIST_LABELS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom('K1', 'V1, V2', 'C1;C2', '31/12/2026', '2026-02-30', '1.200,50', '45%', '=SUM(A1)', ' ', '#REF!') },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 60000 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#N/A' }, { error: 42 }, {}, [], HUGE) },
);

const row: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 9, arbitrary: fc.array(cell, { maxLength: 16 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 'not a row', 7) },
);

const sheet: fc.Arbitrary<SheetGrid> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...CONTRACT_SHEET_NAMES), fc.string({ maxLength: 10 })),
    values: fc.array(row, { maxLength: 14 }) as fc.Arbitrary<unknown[][]>,
    firstRow: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -3, 1.5, Number.NaN)),
    firstColumn: fc.oneof(fc.integer({ min: 1, max: 30 }), fc.constantFrom(0, -1)),
    merges: fc.array(fc.oneof(fc.constantFrom('A1:B2', 'C3:C9', 'ZZZ1:A1', 'Sheet!B2:C3'), fc.string({ maxLength: 8 })), { maxLength: 3 }),
  },
  { requiredKeys: ['name', 'values'] },
);

const workbook: fc.Arbitrary<WorkbookInput> = fc.record({ sheets: fc.array(sheet, { maxLength: 8 }) });

/** The box of cells a finding may name on an input sheet (see the top of this file). */
function box(s: SheetGrid): { top: number; left: number; bottom: number; right: number } {
  const positive = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1);
  const top = positive(s.firstRow);
  const left = positive(s.firstColumn);
  const rows = Array.isArray(s.values) ? s.values : [];
  const width = Math.max(0, ...rows.map((r) => (Array.isArray(r) ? r.length : 0)));
  const b = { top, left, bottom: Math.max(top, top + rows.length - 1), right: left + width };
  for (const m of Array.isArray(s.merges) ? s.merges : []) {
    const r = typeof m === 'string' ? parseRange(m) : undefined;
    if (!r) continue;
    b.top = Math.min(b.top, r.top);
    b.left = Math.min(b.left, r.left);
    b.bottom = Math.max(b.bottom, r.bottom);
    b.right = Math.max(b.right, r.right);
  }
  return b;
}

/** Why a finding does not name a real cell of this input, or undefined when it does. */
function misplaced(f: Finding, input: WorkbookInput): string | undefined {
  if (!/^[A-Z]{1,3}[1-9]\d*$/.test(f.cell)) return `${f.rule}: ${f.sheet}!${f.cell} is not an A1 address`;
  const own = input.sheets.find((s) => s.name === f.sheet);
  if (!own) {
    if (CONTRACT_SHEET_NAMES.includes(f.sheet) && f.cell === 'A1') return undefined;
    return `${f.rule}: sheet ${JSON.stringify(f.sheet)} is neither an input sheet nor a missing contract sheet at A1`;
  }
  const at = parseA1(f.cell)!;
  const b = box(own);
  if (at.row > b.bottom + 1 || at.column > b.right) {
    return `${f.rule}: ${f.sheet}!${f.cell} lies outside rows 1-${b.bottom + 1}, columns 1-${b.right}`;
  }
  return undefined;
}

const RUNS = { numRuns: 200 };

test('readPlan never throws and every finding names a real cell', () => {
  fc.assert(
    fc.property(workbook, fc.constantFrom(undefined, 'en' as const, 'es' as const), (input, lang) => {
      const { findings } = readPlan(input, lang);
      const wrong = findings.map((f) => misplaced(f, input)).filter((w) => w !== undefined);
      expect(wrong).toEqual([]);
    }),
    RUNS,
  );
});

test('checkPlan never throws and every finding names a real cell', () => {
  fc.assert(
    fc.property(workbook, fc.integer({ min: 0, max: 40000 }), (input, asOf) => {
      const result = checkPlan(input, { asOf });
      const wrong = result.findings.map((f) => misplaced(f, input)).filter((w) => w !== undefined);
      expect(wrong).toEqual([]);
      expect(Number.isFinite(result.scorecard.overall)).toBe(true);
    }),
    RUNS,
  );
});

test('clientCopy never throws and writes no formula', () => {
  fc.assert(
    fc.property(workbook, (input) => {
      const copy = clientCopy(input);
      for (const s of copy.sheets) for (const r of s.values) for (const c of r) expect(typeof c === 'object' && c !== null && 'formula' in c).toBe(false);
    }),
    RUNS,
  );
});

test('junk where the workbook should be never throws', () => {
  for (const junk of [null, undefined, {}, { sheets: null }, { sheets: [null, 5, { name: 3 }, { name: 'Plan' }, { name: 'Plan', values: 'x' }] }]) {
    expect(() => readPlan(junk as unknown as WorkbookInput)).not.toThrow();
    expect(() => checkPlan(junk as unknown as WorkbookInput, { asOf: 0 })).not.toThrow();
    expect(() => clientCopy(junk as unknown as WorkbookInput)).not.toThrow();
  }
});
