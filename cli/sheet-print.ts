// The core's print setup (core/layout/print.ts) written into a package: the
// orientation, fit to pages and margins in a worksheet part, the print titles
// as a `_xlnm.Print_Titles` defined name in xl/workbook.xml. A print setup the
// user already has is theirs: a sheet whose part already says how it prints
// (orientation, scale, fit) keeps all of it; existing margins stay; a sheet
// with print titles keeps them. Everything else in both parts stays byte for byte.

import { PrintSetup, titleRowsReference } from '../core/layout/print';
import { sheetReference } from '../core/layout/template';
import { insertionPointFor } from './schema-order';
import { applySplices, attributes, ElementEvent, escapeText, prefixOf, Splice, walkElements } from './xml-text';

/** pageSetup attributes that say how the sheet prints: any of them makes the setup the user's. */
const OWN_SETUP = ['orientation', 'scale', 'fitToWidth', 'fitToHeight'];

/**
 * Whether a worksheet part already has a page setup of its own: fit to page
 * switched either way, or an orientation, scale or fit saved. Such a setup is
 * the user's (or their spreadsheet's) and stays whole; kap adds its own only
 * where the part says nothing about printing (paper size and margins aside).
 */
export function hasOwnPrintSetup(xml: string, part: string): boolean {
  let own = false;
  walkElements(part, xml, (e) => {
    if (e.local === 'pageSetUpPr' && e.path[e.path.length - 1] === 'sheetPr' && e.tag.attributes.fitToPage !== undefined) own = true;
    if (e.local === 'pageSetup' && e.path.length === 1 && OWN_SETUP.some((a) => e.tag.attributes[a] !== undefined)) own = true;
  });
  return own;
}

/**
 * The worksheet part with the print setup added where the user has none. A
 * sheet kap owns whole (`owned`: the Review sheet, a sheet it just added) gets
 * the setup's margins too; a user's sheet keeps the margins it has.
 */
export function withPrintSetup(xml: string, part: string, setup: PrintSetup, owned = false): string {
  if (!owned && hasOwnPrintSetup(xml, part)) return withMarginsOnly(xml, part, setup);
  const top: ElementEvent[] = [];
  let root: ElementEvent | undefined;
  let sheetPr: ElementEvent | undefined;
  let pageSetUpPr: ElementEvent | undefined;
  walkElements(
    part,
    xml,
    (e) => {
      if (e.path.length === 1) top.push(e);
      if (e.path.length === 1 && e.local === 'sheetPr') sheetPr = e;
      if (e.path.length === 2 && e.path[1] === 'sheetPr' && e.local === 'pageSetUpPr') pageSetUpPr = e;
    },
    (e) => {
      if (e.path.length === 0) root = e;
    },
  );
  if (!root) return xml;
  const p = prefixOf(root.tag.name);
  const splices: Splice[] = [];
  // Fit to pages is switched on in sheetPr, the worksheet's first child.
  const fit = `<${p}pageSetUpPr fitToPage="1"/>`;
  if (pageSetUpPr) {
    splices.push({ start: pageSetUpPr.span.start, end: pageSetUpPr.span.openEnd, text: startTag(pageSetUpPr, { fitToPage: '1' }, pageSetUpPr.span.selfClosing) });
  } else if (sheetPr?.span.selfClosing) {
    splices.push({ start: sheetPr.span.start, end: sheetPr.span.end, text: `${startTag(sheetPr, {}, false)}${fit}</${sheetPr.tag.name}>` });
  } else if (sheetPr) {
    splices.push({ start: sheetPr.span.closeStart, end: sheetPr.span.closeStart, text: fit });
  } else {
    splices.push({ start: root.span.openEnd, end: root.span.openEnd, text: `<${p}sheetPr>${fit}</${p}sheetPr>` });
  }
  const pageSetup = top.find((e) => e.local === 'pageSetup');
  const fitAttributes = { orientation: setup.orientation, fitToWidth: String(setup.fitWidth), fitToHeight: String(setup.fitHeight) };
  if (pageSetup) {
    // Paper size, printer settings and the rest stay; orientation and fit are added (or, on a sheet kap owns, replaced).
    splices.push({ start: pageSetup.span.start, end: pageSetup.span.openEnd, text: startTag(pageSetup, fitAttributes, pageSetup.span.selfClosing, ['scale']) });
  }
  const margins = top.find((e) => e.local === 'pageMargins');
  const newSetup = pageSetup ? '' : `<${p}pageSetup${attributes(Object.entries(fitAttributes))}/>`;
  if (margins && owned) {
    splices.push({ start: margins.span.start, end: margins.span.end, text: marginsXml(p, setup) + newSetup });
  } else if (margins) {
    if (newSetup) splices.push({ start: margins.span.end, end: margins.span.end, text: newSetup });
  } else {
    const at = insertionPointFor('worksheet', 'pageMargins', top, root);
    splices.push({ start: at, end: at, text: marginsXml(p, setup) + newSetup });
  }
  return applySplices(xml, splices);
}

/** A sheet whose own print setup stays still gets margins when it has none (every saved sheet has them). */
function withMarginsOnly(xml: string, part: string, setup: PrintSetup): string {
  const top: ElementEvent[] = [];
  let root: ElementEvent | undefined;
  walkElements(
    part,
    xml,
    (e) => {
      if (e.path.length === 1) top.push(e);
    },
    (e) => {
      if (e.path.length === 0) root = e;
    },
  );
  if (!root || top.some((e) => e.local === 'pageMargins')) return xml;
  const at = insertionPointFor('worksheet', 'pageMargins', top, root);
  return applySplices(xml, [{ start: at, end: at, text: marginsXml(prefixOf(root.tag.name), setup) }]);
}

/** One sheet's print titles: its place in the workbook's sheet list (0-based) and its name. */
export interface PrintTitles {
  sheetIndex: number;
  sheetName: string;
  setup: PrintSetup;
}

/** xl/workbook.xml with a `_xlnm.Print_Titles` name for each sheet that asks for one and has none yet. */
export function withPrintTitles(xml: string, part: string, sheets: readonly PrintTitles[]): string {
  const wanted = sheets.filter((s) => titleRowsReference(s.setup) !== undefined);
  if (wanted.length === 0) return xml;
  const top: ElementEvent[] = [];
  const taken = new Set<string>();
  let root: ElementEvent | undefined;
  let definedNames: ElementEvent | undefined;
  walkElements(
    part,
    xml,
    (e) => {
      if (e.path.length === 1) top.push(e);
      if (e.path.length === 1 && e.local === 'definedNames') definedNames = e;
      if (e.local === 'definedName' && e.tag.attributes.name?.toLowerCase() === '_xlnm.print_titles') taken.add(e.tag.attributes.localSheetId ?? '');
    },
    (e) => {
      if (e.path.length === 0) root = e;
    },
  );
  if (!root) return xml;
  const p = prefixOf(root.tag.name);
  const names = wanted
    .filter((s) => !taken.has(String(s.sheetIndex)))
    .map((s) => `<${p}definedName${attributes([['name', '_xlnm.Print_Titles'], ['localSheetId', s.sheetIndex]])}>${escapeText(`${sheetReference(s.sheetName)}!${titleRowsReference(s.setup)}`)}</${p}definedName>`)
    .join('');
  if (names === '') return xml;
  if (definedNames && !definedNames.span.selfClosing) return applySplices(xml, [{ start: definedNames.span.closeStart, end: definedNames.span.closeStart, text: names }]);
  const text = `<${p}definedNames>${names}</${p}definedNames>`;
  if (definedNames) return applySplices(xml, [{ start: definedNames.span.start, end: definedNames.span.end, text }]);
  const at = insertionPointFor('workbook', 'definedNames', top, root);
  return applySplices(xml, [{ start: at, end: at, text }]);
}

function marginsXml(p: string, setup: PrintSetup): string {
  const m = setup.margins;
  return `<${p}pageMargins${attributes([['left', m.left], ['right', m.right], ['top', m.top], ['bottom', m.bottom], ['header', m.header], ['footer', m.footer]])}/>`;
}

/** Where an element goes: before the first of the elements that must follow it, else at the end of the root. */
/** An element's start tag with some attributes set (and some removed), the others kept in their order. */
function startTag(e: ElementEvent, set: Record<string, string>, selfClosing: boolean, remove: readonly string[] = []): string {
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.tag.attributes)) if (!remove.includes(k)) attrs[k] = v;
  Object.assign(attrs, set);
  return `<${e.tag.name}${attributes(Object.entries(attrs))}${selfClosing ? '/>' : '>'}`;
}

/** A sheet of the package as the print setup needs it: its name, its part, in workbook order. */
export interface PackageSheet {
  name: string;
  part?: string;
}

/**
 * The parts to change so each sheet in `prints` prints as its setup says:
 * its worksheet part and, for print titles, xl/workbook.xml. `sheets` is the
 * workbook's sheet list in order (new sheets last); `read` gives a part's
 * current text (with the package's edits so far).
 */
/** How one sheet is to print, and whether kap owns it whole (its own margins then go too). */
export interface SheetPrint {
  setup: PrintSetup;
  owned: boolean;
}

export async function printedParts(
  prints: ReadonlyMap<string, SheetPrint>,
  sheets: readonly PackageSheet[],
  workbookPart: string,
  read: (part: string) => Promise<string>,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const titles: PrintTitles[] = [];
  for (const [name, { setup, owned }] of prints) {
    const sheetIndex = sheets.findIndex((s) => s.name === name);
    const part = sheets[sheetIndex]?.part;
    if (!part) continue;
    out.set(part, withPrintSetup(await read(part), part, setup, owned));
    titles.push({ sheetIndex, sheetName: name, setup });
  }
  const workbook = await read(workbookPart);
  const named = withPrintTitles(workbook, workbookPart, titles);
  if (named !== workbook) out.set(workbookPart, named);
  return out;
}
