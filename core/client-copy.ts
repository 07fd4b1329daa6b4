// The client copy: the part of a plan the client may see, decided once for
// every host. It is a whitelist: a sheet, a Plan field, a column or a row that
// is not named here as shareable is left out of the copy, so nothing new in a
// workbook can leak by default.

import {
  ColumnDef,
  Label,
  Language,
  listLabel,
  matchKey,
  PLAN_SHEET,
  PlanFieldKey,
  SheetKey,
  tableSheet,
  TableSheetDef,
} from './contract';
import { NUMBER_FORMATS, LayoutCell } from './layout/cells';
import { ColumnFormat } from './layout/template';
import { Commitment, KnowledgeItem, Opportunity, Plan, RowOrigin, Stakeholder } from './plan';
import { readPlan, SheetGrid, WorkbookInput } from './read';
import { dayFromDate, Day, errorOf, MAX_TEXT } from './values';

/** One sheet of the client copy, written whole into a new workbook. */
export interface ClientSheet {
  key: SheetKey | 'signoff';
  name: string;
  /** Rows from A1; every string is literal text, dates are `{date}`. */
  values: LayoutCell[][];
  formats: ColumnFormat[];
  /** Rows (1-based) to style as headers. */
  headerRows: number[];
  freezeRows: number;
}

export interface ClientCopy {
  language: Language;
  sheets: ClientSheet[];
}

export interface ClientCopyOptions {
  /** Language of the copy's sheet names, headers and list values (default: the workbook's). */
  outputLanguage?: Language;
}

type SharedTable = 'knowledge' | 'stakeholders' | 'vision' | 'commitments';

/** The Plan fields the client sees. Revenue target and internal sponsor are ours alone. */
export const SHARED_PLAN_FIELDS: readonly PlanFieldKey[] = [
  'account',
  'kam',
  'periodStart',
  'periodEnd',
  'currency',
  'clientSponsor',
  'signOffBy',
  'signOffDate',
];

/**
 * The table sheets the client sees, the rows that go, and the columns that go,
 * in this order. Learning plan, Capacity and Review are not here, so they are
 * not in the copy at all.
 */
export const SHARED_TABLES: readonly { sheet: SharedTable; rows: Label; columns: readonly string[] }[] = [
  {
    sheet: 'knowledge',
    rows: { en: 'confirmed with the client', es: 'confirmadas con el cliente' },
    columns: ['id', 'category', 'finding'],
  },
  {
    sheet: 'stakeholders',
    rows: { en: 'every person with a name', es: 'cada persona con nombre' },
    columns: ['id', 'name', 'title', 'businessUnit'],
  },
  {
    sheet: 'vision',
    rows: { en: 'validated with the client', es: 'validadas con el cliente' },
    columns: ['id', 'opportunity', 'addresses', 'solution', 'clientBenefit', 'clientValue'],
  },
  {
    sheet: 'commitments',
    rows: { en: 'client and joint commitments that are not cancelled', es: 'compromisos del cliente y conjuntos no cancelados' },
    columns: ['id', 'commitment', 'supports', 'side', 'owner', 'clientCounterpart', 'due', 'status'],
  },
];

/**
 * A user column (one the contract does not know) goes into the copy only when
 * its header ends with one of these markers, e.g. "Next step [client]" or
 * "Próximo paso [cliente]". The marker is not shown in the copy.
 */
export const SHAREABLE_MARKERS: readonly string[] = ['[client]', '[cliente]'];

/** Whether a header marks a user column as shareable; the header as the client sees it when it does. */
export function shareableHeader(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const key = matchKey(header);
  for (const marker of SHAREABLE_MARKERS) {
    if (!key.endsWith(marker)) continue;
    // The marker is plain ASCII, so its length in the original is its length in the key once trailing spaces go.
    const trimmed = header.trimEnd();
    return trimmed.slice(0, trimmed.length - marker.length).trim();
  }
  return undefined;
}

export const SIGNOFF_SHEET: Label = { en: 'Sign-off', es: 'Aprobación' };

const SIGNOFF = {
  title: { en: 'Client sign-off', es: 'Aprobación del cliente' },
  statement: {
    en: 'By signing, both parties agree to the joint plan in this workbook for the period shown on the Plan sheet.',
    es: 'Con su firma, ambas partes acuerdan el plan conjunto de este libro para el periodo indicado en la hoja Plan.',
  },
  client: { en: 'For the client', es: 'Por el cliente' },
  kam: { en: 'Key account manager', es: 'Gerente de cuenta' },
  name: { en: 'Name', es: 'Nombre' },
  title_: { en: 'Title', es: 'Cargo' },
  date: { en: 'Date', es: 'Fecha' },
  signature: { en: 'Signature', es: 'Firma' },
} satisfies Record<string, Label>;

/** What a table row of the copy is made of, column by column. */
type RowValues = Record<string, LayoutCell>;

/** The client copy of a workbook: read through the core's reader, filtered by the lists above. */
export function clientCopy(input: WorkbookInput, options: ClientCopyOptions = {}): ClientCopy {
  const { plan } = readPlan(input);
  const lang = options.outputLanguage ?? plan.language;
  const grids = gridsByName(input);

  const knowledge = plan.knowledge.filter((k) => k.confirmed === true);
  const vision = plan.vision.filter((v) => v.validation === 'client');
  const commitments = plan.commitments.filter((c) => (c.side === 'client' || c.side === 'joint') && c.status !== 'cancelled');
  const stakeholders = plan.stakeholders.filter((s) => s.name !== '');

  // References may only name rows the copy holds: a dangling ID would tell the client a row exists.
  const knowledgeIds = new Set(knowledge.map((k) => k.id).filter((id) => id !== ''));
  const visionIds = new Set(vision.map((v) => v.id).filter((id) => id !== ''));
  const shown = (ids: string[], kept: Set<string>): string => ids.filter((id) => kept.has(id)).join(', ');

  const list = (key: Parameters<typeof listLabel>[0], value: string | undefined): LayoutCell =>
    value === undefined ? null : listLabel(key, value, lang);
  const day = (d: Day | undefined): LayoutCell => (d === undefined ? null : { date: d });
  const num = (n: number | undefined): LayoutCell => (n === undefined ? null : n);

  const rowsOf: Record<SharedTable, { records: RowOrigin[]; values: (r: RowOrigin) => RowValues }> = {
    knowledge: {
      records: knowledge,
      values: (r) => {
        const k = r as KnowledgeItem;
        return { id: k.id, category: list('category', k.category), finding: k.finding };
      },
    },
    stakeholders: {
      records: stakeholders,
      values: (r) => {
        const s = r as Stakeholder;
        return { id: s.id, name: s.name, title: s.title, businessUnit: s.businessUnit };
      },
    },
    vision: {
      records: vision,
      values: (r) => {
        const v = r as Opportunity;
        return {
          id: v.id,
          opportunity: v.opportunity,
          addresses: shown(v.addresses, knowledgeIds),
          solution: v.solution,
          clientBenefit: v.clientBenefit,
          clientValue: num(v.clientValue),
        };
      },
    },
    commitments: {
      records: commitments,
      values: (r) => {
        const c = r as Commitment;
        return {
          id: c.id,
          commitment: c.commitment,
          supports: shown(c.supports, visionIds),
          side: list('side', c.side),
          owner: c.owner,
          clientCounterpart: c.clientCounterpart,
          due: day(c.due),
          status: list('commitmentStatus', c.status),
        };
      },
    },
  };

  const sheets: ClientSheet[] = [planSheet(plan, lang)];
  for (const shared of SHARED_TABLES) {
    const found = plan.sheets[shared.sheet];
    if (!found) continue;
    const def = tableSheet(shared.sheet);
    const { records, values } = rowsOf[shared.sheet];
    sheets.push(tableSheetCopy(def, shared.columns, records, values, grids.get(found.name), found.headerRow, found.columns, lang));
  }
  sheets.push(signOffSheet(plan, lang));
  return { language: lang, sheets };
}

function gridsByName(input: WorkbookInput): Map<string, SheetGrid> {
  const map = new Map<string, SheetGrid>();
  const sheets = input && Array.isArray(input.sheets) ? input.sheets : [];
  for (const s of sheets) if (s && typeof s.name === 'string' && !map.has(s.name)) map.set(s.name, s);
  return map;
}

function planSheet(plan: Plan, lang: Language): ClientSheet {
  const s = plan.summary;
  const values: LayoutCell[][] = [[PLAN_SHEET.fieldHeader[lang], PLAN_SHEET.valueHeader[lang]]];
  const formats: ColumnFormat[] = [
    { column: 1, fromRow: 1, toRow: 1, width: 30 },
    { column: 2, fromRow: 1, toRow: 1, width: 40 },
  ];
  for (const key of SHARED_PLAN_FIELDS) {
    const field = PLAN_SHEET.fields.find((f) => f.key === key)!;
    const raw = s[key];
    const value: LayoutCell = field.type.kind === 'date' ? (typeof raw === 'number' ? { date: raw } : null) : typeof raw === 'string' ? raw : null;
    values.push([field[lang], value]);
    if (field.type.kind === 'date') formats.push({ column: 2, fromRow: values.length, toRow: values.length, numberFormat: NUMBER_FORMATS.date });
  }
  return { key: 'plan', name: PLAN_SHEET[lang], values, formats, headerRows: [1], freezeRows: 1 };
}

/** A user column marked shareable: where it is in the workbook and what the client sees as its header. */
interface SharedUserColumn {
  column: number;
  header: string;
}

function tableSheetCopy(
  def: TableSheetDef,
  columns: readonly string[],
  records: RowOrigin[],
  valuesOf: (r: RowOrigin) => RowValues,
  grid: SheetGrid | undefined,
  headerRow: number,
  found: Record<string, number>,
  lang: Language,
): ClientSheet {
  const defs = columns.map((key) => def.columns.find((c) => c.key === key)!);
  const userColumns = sharedUserColumns(grid, headerRow, found);
  const values: LayoutCell[][] = [[...defs.map((c) => c[lang]), ...userColumns.map((u) => u.header)]];
  for (const record of records) {
    const row = valuesOf(record);
    values.push([...columns.map((key) => row[key] ?? null), ...userColumns.map((u) => literalCell(cellAt(grid, record.row, u.column)))]);
  }
  const lastRow = Math.max(values.length, 2);
  const formats: ColumnFormat[] = defs.map((c, i) => ({ column: i + 1, fromRow: 1, toRow: lastRow, width: c.width, ...numberFormatOf(c) }));
  userColumns.forEach((_, i) => formats.push({ column: defs.length + i + 1, fromRow: 1, toRow: lastRow, width: 20 }));
  return { key: def.key, name: def[lang], values, formats, headerRows: [1], freezeRows: 1 };
}

function numberFormatOf(c: ColumnDef): { numberFormat?: string } {
  if (c.type.kind === 'date') return { numberFormat: NUMBER_FORMATS.date };
  if (c.type.kind === 'money') return { numberFormat: NUMBER_FORMATS.money };
  return {};
}

/** User columns on the header row whose header carries the shareable marker, left to right. */
function sharedUserColumns(grid: SheetGrid | undefined, headerRow: number, found: Record<string, number>): SharedUserColumn[] {
  if (!grid) return [];
  const contract = new Set(Object.values(found));
  const top = grid.firstRow ?? 1;
  const left = grid.firstColumn ?? 1;
  const rows = Array.isArray(grid.values) ? grid.values : [];
  const header = rows[headerRow - top];
  if (!Array.isArray(header)) return [];
  const out: SharedUserColumn[] = [];
  header.forEach((v, i) => {
    const column = left + i;
    if (contract.has(column)) return;
    const shown = shareableHeader(v);
    if (shown !== undefined) out.push({ column, header: shown });
  });
  return out;
}

function cellAt(grid: SheetGrid | undefined, row: number, column: number): unknown {
  if (!grid || !Array.isArray(grid.values)) return undefined;
  const r = grid.values[row - (grid.firstRow ?? 1)];
  return Array.isArray(r) ? r[column - (grid.firstColumn ?? 1)] : undefined;
}

/** A raw value of a shareable user column as a cell of the copy; error values and junk become blanks. */
function literalCell(raw: unknown): LayoutCell {
  if (typeof raw === 'string') {
    if (errorOf(raw)) return null;
    return raw.length > MAX_TEXT ? raw.slice(0, MAX_TEXT) : raw;
  }
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw;
  if (raw instanceof Date) {
    const d = dayFromDate(raw);
    return d === undefined ? null : { date: d };
  }
  return null;
}

function signOffSheet(plan: Plan, lang: Language): ClientSheet {
  const s = plan.summary;
  const clientName = s.signOffBy !== '' ? s.signOffBy : s.clientSponsor;
  const clientTitle = plan.stakeholders.find((p) => clientName !== '' && matchKey(p.name) === matchKey(clientName))?.title ?? '';
  const values: LayoutCell[][] = [
    [SIGNOFF.title[lang], null, null],
    [SIGNOFF.statement[lang], null, null],
    [null, null, null],
    [null, SIGNOFF.client[lang], SIGNOFF.kam[lang]],
    [SIGNOFF.name[lang], clientName, s.kam],
    [SIGNOFF.title_[lang], clientTitle, null],
    [SIGNOFF.date[lang], s.signOffDate === undefined ? null : { date: s.signOffDate }, null],
    [SIGNOFF.signature[lang], null, null],
  ];
  const formats: ColumnFormat[] = [
    { column: 1, fromRow: 1, toRow: 8, width: 18 },
    { column: 2, fromRow: 1, toRow: 8, width: 36 },
    { column: 3, fromRow: 1, toRow: 8, width: 36 },
    { column: 2, fromRow: 7, toRow: 7, numberFormat: NUMBER_FORMATS.date },
    { column: 3, fromRow: 7, toRow: 7, numberFormat: NUMBER_FORMATS.date },
  ];
  return { key: 'signoff', name: SIGNOFF_SHEET[lang], values, formats, headerRows: [4], freezeRows: 0 };
}
