// kap on real workbooks it did not make (test/fixtures/corpus, sources and
// licenses in SOURCES.md there): `kap new`, then `kap check --write` twice, on
// a copy of each, compared part by part after decompression with the original.
//
//   - every original part is identical byte for byte, except
//   - the index parts ([Content_Types].xml, xl/workbook.xml and its rels),
//     which may only be extended: every original element and attribute kept;
//   - xl/styles.xml and xl/sharedStrings.xml, only appended: every existing
//     entry unchanged, in its place;
//   - plan sheets kap completes, which only gain kap's cells, column formats
//     and drop-downs (the user's own drop-downs kept, never duplicated);
//   - the Review sheet, kap's own, replaced whole with nothing left of the
//     old one (no stale notes or drawings);
// and the second --write changes nothing but the Review sheet. A workbook
// whose structure protection forbids adding a sheet is refused with exit 2
// and one line, the file untouched. LibreOffice opens what kap wrote.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { isPlanSheet } from '../../cli/package-reader';
import { PACKAGE_RELS, parseRels, readWorkbookIndex, relsPartOf, WorkbookIndex, workbookPartOf } from '../../cli/package-xml';
import { parseCsv } from '../support/csv';
import { lostFrom, Parts, parseXml, partsOf, sameBytes, XmlNode } from '../support/package-parts';
import { libreOffice } from '../support/programs';
import { AS_OF, kap, removeTempDirs, tempDir } from './kap';

afterAll(removeTempDirs);

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');
const FILES = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

/** Workbooks whose structure protection forbids adding a sheet: kap refuses, and says why. */
const STRUCTURE_LOCKED = new Set(['poi-structure-locked.xlsx', 'poi-structure-locked-legacy-password.xlsx']);

const CONTENT_TYPES = '[Content_Types].xml';
const REVIEW_NAMES = new Set(['Review', 'Revisión']);

interface Runs {
  original: Parts;
  afterNew: Parts;
  afterWrite: Parts;
  afterSecondWrite: Parts;
  file: string;
}

const runs = new Map<string, Runs>();

async function run(name: string): Promise<Runs> {
  const known = runs.get(name);
  if (known) return known;
  const file = path.join(tempDir(), name);
  copyFileSync(path.join(CORPUS, name), file);
  const original = partsOf(readFileSync(file));
  const created = await kap('new', file);
  expect({ code: created.code, err: created.err }).toEqual({ code: 0, err: '' });
  const afterNew = partsOf(readFileSync(file));
  const write = async (): Promise<Parts> => {
    const r = await kap('check', file, '--write', '--as-of', AS_OF);
    expect({ code: r.code <= 1 ? 'checked' : r.code, err: r.err }).toEqual({ code: 'checked', err: '' });
    return partsOf(readFileSync(file));
  };
  const afterWrite = await write();
  const afterSecondWrite = await write();
  const result = { original, afterNew, afterWrite, afterSecondWrite, file };
  runs.set(name, result);
  return result;
}

function text(parts: Parts, part: string): string {
  return strFromU8(parts.get(part)!);
}

/** The workbook's index: where the package's relationships put the workbook part (xl/workbook.xml nearly always). */
function indexOf(parts: Parts): WorkbookIndex {
  const part = workbookPartOf(parts.get(PACKAGE_RELS));
  return readWorkbookIndex(parts.get(part)!, parts.get(relsPartOf(part)), part);
}

function workbookXml(parts: Parts): XmlNode {
  return parseXml(parts.get(indexOf(parts).part)!);
}

/** The parts a sheet owns through its relationships (notes, drawings and what they point to), which kap drops with an old Review sheet. */
function ownedBy(parts: Parts, sheetPart: string): Set<string> {
  const owned = new Set<string>();
  const visit = (part: string): void => {
    const rels = relsPartOf(part);
    if (!parts.has(rels)) return;
    owned.add(rels);
    for (const r of parseRels(rels, parts.get(rels), path.posix.dirname(part))) {
      if (r.part && parts.has(r.part) && !owned.has(r.part) && !/\/(styles|theme\d*|sharedStrings|persons?)\.xml$|\/persons\//.test(r.part)) {
        owned.add(r.part);
        visit(r.part);
      }
    }
  };
  visit(sheetPart);
  return owned;
}

/** Which cells a sheet part holds a value or formula in (row -> columns). */
function filledColumns(sheet: XmlNode): Set<number> {
  const out = new Set<number>();
  const data = sheet.children.find((c) => c.local === 'sheetData');
  for (const row of data?.children ?? []) {
    for (const c of row.children) {
      if (c.local === 'c' && c.children.length > 0 && c.attributes.r) out.add(columnNumber(c.attributes.r));
    }
  }
  return out;
}

function columnNumber(ref: string): number {
  let n = 0;
  for (const ch of ref.toUpperCase()) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + ch.charCodeAt(0) - 64;
  }
  return n;
}

/** A sheet's `<cols>` as one `<col>` per column, so a range kap splits around its own column compares column by column. */
function withColumnsExpanded(sheet: XmlNode): XmlNode {
  const children = sheet.children.map((child) => {
    if (child.local !== 'cols') return child;
    const cols: XmlNode[] = [];
    for (const col of child.children) {
      const min = Number(col.attributes.min);
      const max = Math.min(Number(col.attributes.max), min + 1024);
      for (let c = min; c <= max; c++) cols.push({ ...col, attributes: { ...col.attributes, min: String(c), max: String(c) } });
    }
    return { ...child, children: cols };
  });
  return { ...sheet, children };
}

/** A plan sheet kap completed: it only gained kap's cells, the widths and formats of kap's columns, and kap's drop-downs. */
function planSheetLoss(original: Uint8Array, next: Uint8Array): string | undefined {
  const before = withColumnsExpanded(parseXml(original));
  const after = withColumnsExpanded(parseXml(next));
  const filledBefore = filledColumns(before);
  const kapColumns = new Set([...filledColumns(after)].filter((c) => !filledBefore.has(c)));
  return lostFrom(before, after, {
    mayChange: (node, attribute) =>
      (node.local === 'row' && attribute === 'spans') ||
      (node.local === 'dimension' && attribute === 'ref') ||
      (node.local === 'dataValidations' && attribute === 'count') ||
      (node.local === 'col' && kapColumns.has(Number(node.attributes.min))),
    // A cell with no value may be given one (a header, a Plan field's format) by kap.
    mayReplace: (node) => node.local === 'c' && node.children.length === 0,
    // A column range of the user's may lose the hidden flag only on kap's columns (checked by mayChange).
    appendOnly: (node) => node.local === 'dataValidations',
  });
}

/** What every comparison of a written package with the original says: the parts kap changed, and how. */
function problems(original: Parts, next: Parts): string[] {
  const out: string[] = [];
  const before = indexOf(original);
  const after = indexOf(next);
  const reviewBefore = before.sheets.find((s) => REVIEW_NAMES.has(s.name));
  // A Review sheet kap replaces takes its notes and drawings with it.
  const reviewReplaced = reviewBefore?.part !== undefined && !sameBytes(original.get(reviewBefore.part), next.get(reviewBefore.part));
  const reviewOwned = reviewReplaced ? ownedBy(original, reviewBefore!.part!) : new Set<string>();
  const newSheetParts = new Set(after.sheets.filter((s) => !before.sheets.some((b) => b.name === s.name)).map((s) => s.part!));
  const planParts = new Set(before.sheets.filter((s) => s.isWorksheet && isPlanSheet(s.name)).map((s) => s.part));
  for (const [part, bytes] of original) {
    const now = next.get(part);
    if (reviewOwned.has(part)) {
      if (now) out.push(`${part}: the old Review sheet's part is still there`);
      continue;
    }
    if (!now) {
      out.push(`${part}: gone`);
      continue;
    }
    if (sameBytes(bytes, now)) continue;
    if (part === reviewBefore?.part) continue;
    if (part === CONTENT_TYPES || part === before.part || part === before.relsPart) {
      const lost = lostFrom(parseXml(bytes), parseXml(now), {
        mayDrop: (node) => node.local === 'Override' && reviewOwned.has(node.attributes.PartName?.replace(/^\//, '')),
        mayChange: (node, attribute) => node.local === 'calcPr' && attribute === 'fullCalcOnLoad',
      });
      if (lost) out.push(`${part}: not only extended: ${lost}`);
    } else if (part === before.stylesPart || part === before.sharedStringsPart) {
      const lost = lostFrom(parseXml(bytes), parseXml(now), {
        mayChange: (node, attribute) => attribute === 'count' || attribute === 'uniqueCount',
        appendOnly: (node) => node.local !== 'styleSheet',
      });
      if (lost) out.push(`${part}: not only appended: ${lost}`);
    } else if (planParts.has(part)) {
      const lost = planSheetLoss(bytes, now);
      if (lost) out.push(`${part}: the plan sheet lost something: ${lost}`);
    } else {
      out.push(`${part}: changed`);
    }
  }
  for (const part of next.keys()) {
    if (original.has(part) || newSheetParts.has(part) || part === after.stylesPart) continue;
    out.push(`${part}: added, but it is not a sheet kap added`);
  }
  return out;
}

/** The namespace a prefixed name (`r:id`, `x:workbook`, `workbook`) is in, declared on the node or on its root. */
function namespaceOf(node: XmlNode, name: string, root?: XmlNode): string | undefined {
  const colon = name.indexOf(':');
  const declaration = colon < 0 ? 'xmlns' : `xmlns:${name.slice(0, colon)}`;
  return node.attributes[declaration] ?? root?.attributes[declaration];
}

/** Formulas in every worksheet of a package. */
function formulaCount(parts: Parts): number {
  let n = 0;
  for (const sheet of indexOf(parts).sheets) {
    if (!sheet.isWorksheet || !sheet.part) continue;
    const count = (node: XmlNode): void => {
      if (node.local === 'f') n++;
      node.children.forEach(count);
    };
    count(parseXml(parts.get(sheet.part)!));
  }
  return n;
}

function reviewPart(parts: Parts): string {
  const review = indexOf(parts).sheets.find((s) => REVIEW_NAMES.has(s.name));
  if (!review?.part) throw new Error('no Review sheet');
  return review.part;
}

const accepted = FILES.filter((f) => !STRUCTURE_LOCKED.has(f));

describe('kap on real workbooks: every part it does not own stays as it was', () => {
  it('has a corpus of real workbooks with their sources noted', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(25);
    const sources = readFileSync(path.join(CORPUS, 'SOURCES.md'), 'utf8');
    for (const f of FILES) expect(sources).toContain(`\`${f}\``);
  });

  describe.each(accepted)('%s', (name) => {
    it('kap new: every original part kept, only kap\'s parts added', async () => {
      const r = await run(name);
      expect(problems(r.original, r.afterNew)).toEqual([]);
    });

    it('kap check --write: the same, plus the Review sheet', async () => {
      const r = await run(name);
      expect(problems(r.original, r.afterWrite)).toEqual([]);
      expect(problems(r.afterNew, r.afterWrite).filter((p) => !p.startsWith(reviewPart(r.afterWrite)))).toEqual([]);
      const review = text(r.afterWrite, reviewPart(r.afterWrite));
      expect(review).toContain('Plan review');
    });

    it('a second --write changes nothing but the Review sheet', async () => {
      const r = await run(name);
      const review = reviewPart(r.afterWrite);
      const changed = [...new Set([...r.afterWrite.keys(), ...r.afterSecondWrite.keys()])].filter((p) => !sameBytes(r.afterWrite.get(p), r.afterSecondWrite.get(p)));
      expect(changed.filter((p) => p !== review)).toEqual([]);
    });

    it('the Review sheet has no relationships of its own: nothing stale hangs on it', async () => {
      const r = await run(name);
      expect(r.afterSecondWrite.has(relsPartOf(reviewPart(r.afterSecondWrite)))).toBe(false);
    });

    it('Excel recalculates on opening when kap wrote formulas (calcPr fullCalcOnLoad), and only then', async () => {
      const r = await run(name);
      const fullCalc = (parts: Parts): string | undefined => workbookXml(parts).children.find((c) => c.local === 'calcPr')?.attributes.fullCalcOnLoad;
      if (formulaCount(r.afterNew) > formulaCount(r.original)) expect(fullCalc(r.afterSecondWrite)).toBe('1');
      else expect(fullCalc(r.afterSecondWrite)).toBe(fullCalc(r.original));
    });

    it('the sheets kap wrote use the workbook\'s own namespaces (Strict or transitional)', async () => {
      const r = await run(name);
      const workbook = workbookXml(r.afterSecondWrite);
      const main = namespaceOf(workbook, workbook.name);
      const sheets = workbook.children.find((c) => c.local === 'sheets')!.children;
      const relationships = (sheet: XmlNode): string | undefined => {
        const id = Object.keys(sheet.attributes).find((k) => k.endsWith(':id'))!;
        return namespaceOf(sheet, id, workbook);
      };
      const before = indexOf(r.original).sheets.map((s) => s.name);
      const written = sheets.filter((s) => !before.includes(s.attributes.name) || REVIEW_NAMES.has(s.attributes.name));
      expect(written.length).toBeGreaterThan(0);
      for (const sheet of written) {
        expect(relationships(sheet)).toBe(relationships(sheets[0]));
        const part = indexOf(r.afterSecondWrite).sheets.find((s) => s.name === sheet.attributes.name)!.part!;
        const root = parseXml(r.afterSecondWrite.get(part)!);
        expect(namespaceOf(root, root.name)).toBe(main);
      }
    });

    it('kap new again adds nothing and leaves the file as it is', async () => {
      const r = await run(name);
      const before = readFileSync(r.file);
      const again = await kap('new', r.file);
      expect(again.code).toBe(0);
      expect(again.out).toContain('nothing to add');
      expect(readFileSync(r.file).equals(before)).toBe(true);
    });
  });

  describe.each([...STRUCTURE_LOCKED])('%s (workbook structure protected)', (name) => {
    it.each([['new'], ['check', '--write', '--as-of', AS_OF]])('kap %s is refused with exit 2 and one line, the file untouched', async (...argv) => {
      const file = path.join(tempDir(), name);
      copyFileSync(path.join(CORPUS, name), file);
      const before = readFileSync(file);
      const r = await kap(argv[0], file, ...argv.slice(1));
      expect(r.code).toBe(2);
      expect(r.errLines).toHaveLength(1);
      expect(r.err).toMatch(/structure is protected/);
      expect(readFileSync(file).equals(before)).toBe(true);
    });

    it('kap check (without --write) reads it', async () => {
      const r = await kap('check', path.join(CORPUS, name), '--as-of', AS_OF);
      expect(r.code).toBeLessThanOrEqual(1);
      expect(r.err).toBe('');
    });
  });
});

describe('plans LibreOffice saved, beside a chart and a pivot table', () => {
  it('kap new completes the half-built plan: only the missing columns and fields, the drop-downs of the user kept and not duplicated', async () => {
    const r = await run('lo-half-plan-chart-pivot.xlsx');
    const index = indexOf(r.original);
    const commitments = index.sheets.find((s) => s.name === 'Commitments')!.part!;
    expect(sameBytes(r.original.get(commitments), r.afterNew.get(commitments))).toBe(false);
    const validations = (parts: Parts): string[] =>
      parseXml(parts.get(commitments)!)
        .children.filter((c) => c.local === 'dataValidations')
        .flatMap((v) => v.children.map((d) => d.attributes.sqref));
    const mine = validations(r.original);
    const after = validations(r.afterSecondWrite);
    expect(after.slice(0, mine.length)).toEqual(mine);
    expect(new Set(after).size).toBe(after.length);
  });

  it('the old Review sheet\'s notes (added in LibreOffice) go with it: no stale relationship, part or content type', async () => {
    const r = await run('lo-plan-review-note.xlsx');
    const review = reviewPart(r.original);
    const owned = ownedBy(r.original, review);
    expect([...owned].some((p) => /comments/.test(p))).toBe(true);
    for (const part of owned) expect(r.afterWrite.has(part)).toBe(false);
    const types = text(r.afterWrite, CONTENT_TYPES);
    for (const part of owned) expect(types).not.toContain(`"/${part}"`);
    // The plan's values were read from LibreOffice's shared strings: the new Review names the account.
    expect(text(r.afterWrite, review)).toContain('Plan review: Aceros del Norte');
  });
});

describe('a workbook outside xl/ (its part found through _rels/.rels) is guarded like any other', () => {
  const OUTSIDE = 'sheetjs-legacy-sheet-password.xlsx';
  it.each([
    ['macros', 'wtf/vbaProject.bin', /macros/],
    ['links to other workbooks', 'wtf/externalLinks/externalLink1.xml', /external links/],
  ])('%s are refused', async (_what, part, reason) => {
    const file = path.join(tempDir(), OUTSIDE);
    writeFileSync(file, zipSync({ ...unzipSync(readFileSync(path.join(CORPUS, OUTSIDE))), [part]: new Uint8Array([60, 120, 47, 62]) }));
    const r = await kap('check', file, '--as-of', AS_OF);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(reason);
  });
});

const lo = libreOffice();
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,-1';
/** A handful: LibreOffice takes seconds per file. */
const OPENED_BY_LIBREOFFICE = [
  'lo-plan-review-note.xlsx',
  'poi-chart-sheet-pivot.xlsx',
  'openpyxl-prefixed-ns0.xlsx',
  'tealeg-x-prefix-wps.xlsx',
  'poi-threaded-comments.xlsx',
  'poi-strict-ooxml.xlsx',
  'sheetjs-legacy-sheet-password.xlsx',
];

lo.describe('LibreOffice opens what kap wrote', () => {
  it('every sheet of a handful of written corpus files, the Review sheet with its title', async () => {
    const files: string[] = [];
    for (const name of OPENED_BY_LIBREOFFICE) files.push((await run(name)).file);
    const work = tempDir();
    execFileSync(lo.path!, ['--headless', `-env:UserInstallation=file://${path.join(work, 'profile')}`, '--convert-to', CSV_FILTER, '--outdir', path.join(work, 'csv'), ...files], {
      stdio: 'ignore',
      timeout: 240000,
    });
    const written = readdirSync(path.join(work, 'csv'));
    for (const name of OPENED_BY_LIBREOFFICE) {
      const base = path.basename(name, '.xlsx');
      const index = indexOf((await run(name)).afterSecondWrite);
      for (const sheet of index.sheets.filter((s) => s.isWorksheet)) expect(written).toContain(`${base}-${sheet.name}.csv`);
      const review = parseCsv(readFileSync(path.join(work, 'csv', `${base}-Review.csv`), 'utf8'));
      expect(review[0][0]).toMatch(/^Plan review/);
    }
  }, 300000);
});
