// Where kap puts an element a user's part lacks: the schema fixes the order of
// a worksheet's and a workbook's children, and Excel refuses a part that
// breaks it, so a new element goes before the first existing one that the
// schema puts after it.

import type { ElementEvent } from './xml-text';

/** ECMA-376 Part 1, CT_Worksheet and CT_Workbook, in schema order. */
const CHILD_ORDER = {
  worksheet: [
    'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
    'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
    'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
    'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
    'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
    'extLst',
  ],
  workbook: [
    'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups',
    'externalReferences', 'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr',
    'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
  ],
} as const;

/** The offset at which a new child `element` of a worksheet or workbook root goes, given the root's children. */
export function insertionPointFor(parent: keyof typeof CHILD_ORDER, element: string, children: readonly ElementEvent[], root: ElementEvent): number {
  const order: readonly string[] = CHILD_ORDER[parent];
  const later = new Set(order.slice(order.indexOf(element) + 1));
  const next = children.find((e) => later.has(e.local));
  return next ? next.span.start : root.span.closeStart;
}
