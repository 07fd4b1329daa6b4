// Approvals that record what was approved: the approved terms of a commitment
// (cost, effort, due date, team) as plain text a person can read, read back,
// compared with the commitment as it is now, and the cells Approve writes.

import { Label, Language, matchKey, tableSheet } from './contract';
import { fill } from './finding';
import { LayoutCell } from './layout/cells';
import { cellOf, Commitment, firstCellOf, isUnread, Plan } from './plan';
import { Day, dayFromParts, formatDay } from './values';

/** What an approval approves: the commitment's price, effort, date and who delivers it. */
export interface Terms {
  cost?: number;
  /** The Plan sheet's currency at the time ('' when it has none). */
  currency: string;
  effortHours?: number;
  due?: Day;
  team: string;
}

export type TermPart = 'cost' | 'effort' | 'due' | 'team';
export const TERM_PARTS: readonly TermPart[] = ['cost', 'effort', 'due', 'team'];

/** One part of the terms that is not what was approved, both sides written for a person. */
export interface TermChange {
  part: TermPart;
  approved: string;
  now: string;
}

/** Between the parts of the terms text. */
export const TERMS_SEPARATOR = ' · ';

const BLANK: Record<TermPart, Label> = {
  cost: { en: 'no cost', es: 'sin costo' },
  effort: { en: 'no hours', es: 'sin horas' },
  due: { en: 'no due date', es: 'sin fecha límite' },
  team: { en: 'no team', es: 'sin equipo' },
};

const DUE: Label = { en: 'due', es: 'vence' };

/** The terms of a commitment as it stands in the plan. */
export function termsOf(c: Commitment, plan: Plan): Terms {
  return { cost: c.cost, currency: plan.summary.currency.trim(), effortHours: c.effortHours, due: c.due, team: c.team.trim() };
}

/**
 * The terms as the Approved terms cell holds them, in the workbook's language:
 * `12,000.00 USD · 80 h · due 2027-03-15 · Field services`
 * (`12.000,00 USD · 80 h · vence 2027-03-15 · Servicios de campo`).
 * The cost keeps its cents; the hours are written without thousands separators,
 * so neither reads differently in the other language.
 */
export function formatTerms(t: Terms, lang: Language): string {
  const cost = t.cost === undefined ? BLANK.cost[lang] : `${formatMoney(t.cost, lang)}${t.currency === '' ? '' : ` ${t.currency}`}`;
  const effort = t.effortHours === undefined ? BLANK.effort[lang] : `${formatHours(t.effortHours, lang)} h`;
  const due = t.due === undefined ? BLANK.due[lang] : `${DUE[lang]} ${formatDay(t.due)}`;
  const team = t.team === '' ? BLANK.team[lang] : t.team;
  return [cost, effort, due, team].join(TERMS_SEPARATOR);
}

/**
 * Reads an Approved terms cell back, written in either language. The parts
 * are positional (cost, effort, due, team) and the team is the rest, so a team
 * name may hold anything. Undefined when the text is not terms.
 */
export function parseTerms(text: string): Terms | undefined {
  // A leading apostrophe is the hosts' "this is text" mark (core/inert.ts), not part of the terms.
  const parts = text.replace(/^\s*'/, '').split(/\s*·\s*/);
  if (parts.length < 4) return undefined;
  const [costText, effortText, dueText] = parts.map((p) => p.trim());
  const teamText = parts.slice(3).join(TERMS_SEPARATOR).trim();
  const terms: Terms = { currency: '', team: isBlankWord('team', teamText) ? '' : teamText };

  if (!isBlankWord('cost', costText)) {
    const m = /^([0-9][0-9.,]*)(?:\s+(\S.*))?$/.exec(costText);
    const amount = m ? parseMoney(m[1]) : undefined;
    if (amount === undefined) return undefined;
    terms.cost = amount;
    terms.currency = (m![2] ?? '').trim();
  }
  if (!isBlankWord('effort', effortText)) {
    const m = /^(\d+(?:[.,]\d+)?)\s*h$/i.exec(effortText);
    if (!m) return undefined;
    terms.effortHours = Number(m[1].replace(',', '.'));
  }
  if (!isBlankWord('due', dueText)) {
    const m = /^(?:due|vence)\s+(\d{4})-(\d{2})-(\d{2})$/i.exec(dueText);
    if (!m) return undefined;
    const day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    if (formatDay(day) !== `${m[1]}-${m[2]}-${m[3]}`) return undefined;
    terms.due = day;
  }
  return terms;
}

function isBlankWord(part: TermPart, text: string): boolean {
  const k = matchKey(text);
  return k === matchKey(BLANK[part].en) || k === matchKey(BLANK[part].es);
}

/** `12,000.00` or `12.000,00`: the separator before the last one or two digits is the decimal one, any other groups thousands. */
function parseMoney(text: string): number | undefined {
  const m = /^(.*?)(?:([.,])(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const whole = m[1];
  if (m[2] !== undefined && whole.includes(m[2])) return undefined;
  if (!/^\d{1,3}(?:[.,]\d{3})*$|^\d+$/.test(whole)) return undefined;
  const groups = whole.match(/[.,]/g) ?? [];
  if (new Set(groups).size > 1) return undefined;
  const n = Number(whole.replace(/[.,]/g, '') + (m[3] !== undefined ? `.${m[3]}` : ''));
  return Number.isFinite(n) ? n : undefined;
}

/** What differs between the approved terms and the current ones, in part order; [] when the approval still holds. */
export function termChanges(approved: Terms, now: Terms, lang: Language): TermChange[] {
  const changes: TermChange[] = [];
  const sameAmount = (a?: number, b?: number): boolean => (a === undefined ? b === undefined : b !== undefined && Math.round(a * 100) === Math.round(b * 100));
  if (!sameAmount(approved.cost, now.cost) || (approved.cost !== undefined && matchKey(approved.currency) !== matchKey(now.currency))) {
    changes.push({ part: 'cost', approved: showCost(approved, lang), now: showCost(now, lang) });
  }
  if (!sameAmount(approved.effortHours, now.effortHours)) {
    changes.push({ part: 'effort', approved: showEffort(approved, lang), now: showEffort(now, lang) });
  }
  if (approved.due !== now.due) {
    changes.push({ part: 'due', approved: approved.due === undefined ? BLANK.due[lang] : formatDay(approved.due), now: now.due === undefined ? BLANK.due[lang] : formatDay(now.due) });
  }
  if (matchKey(approved.team) !== matchKey(now.team)) {
    changes.push({ part: 'team', approved: approved.team === '' ? BLANK.team[lang] : approved.team, now: now.team === '' ? BLANK.team[lang] : now.team });
  }
  return changes;
}

const CHANGE_WORDS: Record<TermPart, Label> = {
  cost: { en: 'approved at {approved}, now {now}', es: 'aprobado en {approved}, ahora {now}' },
  effort: { en: 'approved at {approved}, now {now}', es: 'aprobado con {approved}, ahora {now}' },
  due: { en: 'approved due {approved}, now due {now}', es: 'aprobado con vencimiento {approved}, ahora {now}' },
  team: { en: 'approved for team {approved}, now {now}', es: 'aprobado para el equipo {approved}, ahora {now}' },
};

/** The changes as one phrase per language: `approved at 12,000 USD, now 15,000 USD; approved at 80 h, now 100 h`. */
export function describeChanges(approved: Terms, now: Terms): Label {
  const say = (lang: Language): string =>
    termChanges(approved, now, lang)
      .map((c) => CHANGE_WORDS[c.part][lang].replace('{approved}', c.approved).replace('{now}', c.now))
      .join('; ');
  return { en: say('en'), es: say('es') };
}

/** Amounts in messages: whole units with the language's thousands separator, cents only when there are some. */
function showCost(t: Terms, lang: Language): string {
  if (t.cost === undefined) return BLANK.cost[lang];
  const cents = Math.round(t.cost * 100) % 100 !== 0;
  const amount = cents ? formatMoney(t.cost, lang) : groupThousands(Math.round(t.cost).toString(), lang);
  return `${amount}${t.currency === '' ? '' : ` ${t.currency}`}`;
}

function showEffort(t: Terms, lang: Language): string {
  return t.effortHours === undefined ? BLANK.effort[lang] : `${formatHours(t.effortHours, lang)} h`;
}

/** `12,000.00` (en) or `12.000,00` (es). */
function formatMoney(n: number, lang: Language): string {
  const cents = Math.round(n * 100);
  const whole = Math.floor(cents / 100).toString();
  const frac = String(cents % 100).padStart(2, '0');
  return `${groupThousands(whole, lang)}${lang === 'es' ? ',' : '.'}${frac}`;
}

function groupThousands(whole: string, lang: Language): string {
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'es' ? '.' : ',');
}

/** `80`, `80.5` (en) or `80,5` (es): no thousands separator, at most two decimals. */
function formatHours(n: number, lang: Language): string {
  const s = (Math.round(n * 100) / 100).toString();
  return lang === 'es' ? s.replace('.', ',') : s;
}

/** Where an approval stands against the commitment as it is now. */
export type ApprovalStanding =
  | { kind: 'none' }
  /** Approved by someone, with no terms recorded (written by hand, or before the column existed). */
  | { kind: 'without-terms' }
  | { kind: 'unreadable-terms' }
  | { kind: 'holds'; terms: Terms }
  | { kind: 'stale'; terms: Terms; changes: Label; parts: TermPart[] };

/** Whether a commitment's approval still means the terms it records. */
export function approvalStanding(c: Commitment, plan: Plan): ApprovalStanding {
  // The client's own commitment is agreed with the client, never approved internally: nothing to judge.
  if (c.side === 'client' || c.approvedBy.trim() === '') return { kind: 'none' };
  if (c.approvedTerms.trim() === '') return { kind: 'without-terms' };
  const approved = parseTerms(c.approvedTerms);
  if (!approved) return { kind: 'unreadable-terms' };
  const now = termsOf(c, plan);
  const parts = termChanges(approved, now, 'en').map((c) => c.part);
  if (parts.length === 0) return { kind: 'holds', terms: approved };
  return { kind: 'stale', terms: approved, changes: describeChanges(approved, now), parts };
}

/**
 * Whether our organisation must approve this commitment before offering it: ours or joint, and
 * Needs approval is Yes or cannot be read (nothing then shows that no approval is needed).
 */
export function needsInternalApproval(c: Commitment): boolean {
  return c.side !== 'client' && (c.needsApproval === true || isUnread(c, 'needsApproval'));
}

/** An approval whose recorded terms are no longer the commitment's (or cannot be read) approves nothing. */
export function approvalLapsed(c: Commitment, plan: Plan): boolean {
  const s = approvalStanding(c, plan);
  return s.kind === 'stale' || s.kind === 'unreadable-terms';
}

// ---- Approve: the three cells written per commitment ----

/** One cell Approve writes: sheet, 1-based row and column, and the value. */
export interface ApprovalCell {
  sheet: string;
  row: number;
  column: number;
  cell: string;
  value: LayoutCell;
}

export interface ApprovalRequest {
  /** Commitment IDs, as typed (case, spaces and accents ignored). */
  ids: readonly string[];
  /** Who approves. */
  by: string;
  /** The day of the approval. */
  on: Day;
  /** How this front end adds missing columns, for the refusal that names them (default: Create plan). */
  addColumnsWith?: string;
}

/** The only Commitments columns Approve writes. */
export const APPROVAL_COLUMNS: readonly string[] = ['approvedBy', 'approvalDate', 'approvedTerms'];

export type ApprovalPlan = { ok: true; cells: ApprovalCell[]; approved: { id: string; terms: string }[] } | { ok: false; problems: string[] };

const PROBLEMS = {
  noName: { en: 'the approver’s name is blank', es: 'el nombre de quien aprueba está vacío' },
  noIds: { en: 'no commitment ID was given', es: 'no se indicó ningún ID de compromiso' },
  noSheet: { en: 'the workbook has no Commitments sheet', es: 'el libro no tiene hoja Compromisos' },
  noColumns: {
    en: '{sheet} has no {columns} column: run {create} to add it (nothing else changes), then approve',
    es: '{sheet} no tiene la columna {columns}: ejecute {create} para agregarla (nada más cambia) y luego apruebe',
  },
  createPlan: { en: 'Create plan', es: 'Crear plan' },
  unknown: { en: 'no commitment has ID {id} on {sheet}', es: 'ningún compromiso tiene el ID {id} en {sheet}' },
  duplicate: { en: 'ID {id} is on more than one row of {sheet} ({cells}): make IDs unique first', es: 'el ID {id} está en más de una fila de {sheet} ({cells}): primero haga únicos los ID' },
  cancelled: { en: 'commitment {id} is cancelled: there is nothing to approve', es: 'el compromiso {id} está cancelado: no hay nada que aprobar' },
  // The method: what we offer (a price, a service level) is approved internally; what the client does, the client agrees.
  clientSide: {
    en: 'commitment {id} is the client’s ({cell}): the client agrees to it (Client agreed), it is not approved internally',
    es: 'el compromiso {id} es del cliente ({cell}): el cliente lo acuerda (Acordado con el cliente), no se aprueba internamente',
  },
  unreadable: {
    en: 'commitment {id}: {column} ({cell}) cannot be read, so its terms are not known: correct it first',
    es: 'compromiso {id}: {column} ({cell}) no se puede leer, así que sus términos no se conocen: corríjalo primero',
  },
} satisfies Record<string, Label>;

/** The contract's header of a Commitments column, in a language. */
function header(key: string, lang: Language): string {
  return tableSheet('commitments').columns.find((c) => c.key === key)![lang];
}

/**
 * The cells that approve the given commitments: Approved by, Approval date and
 * Approved terms of each row, nothing else. Refuses (with every problem, in
 * `lang`) when any ID is unknown, repeated, cancelled, the client’s, or has terms that
 * cannot be read, so nothing is half-approved.
 */
export function approvalCells(plan: Plan, request: ApprovalRequest, lang: Language): ApprovalPlan {
  const say = (label: Label, params: Record<string, string> = {}): string => fill(label[lang], params);
  const found = plan.sheets.commitments;
  const problems: string[] = [];
  const by = request.by.trim();
  if (by === '') problems.push(say(PROBLEMS.noName));
  const ids = [...new Set(request.ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (ids.length === 0) problems.push(say(PROBLEMS.noIds));
  if (!found) return { ok: false, problems: [...problems, say(PROBLEMS.noSheet)] };
  const sheet = found.name;
  const missing = APPROVAL_COLUMNS.filter((k) => found.columns[k] === undefined);
  if (missing.length > 0) {
    const create = request.addColumnsWith ?? PROBLEMS.createPlan[lang];
    problems.push(say(PROBLEMS.noColumns, { sheet, columns: missing.map((k) => header(k, plan.language)).join(', '), create }));
  }

  const byId = new Map<string, Commitment[]>();
  for (const c of plan.commitments) {
    const k = matchKey(c.id);
    if (k === '') continue;
    const list = byId.get(k);
    if (list) list.push(c);
    else byId.set(k, [c]);
  }
  const chosen: Commitment[] = [];
  for (const id of ids) {
    const rows = byId.get(matchKey(id)) ?? [];
    if (rows.length === 0) problems.push(say(PROBLEMS.unknown, { id, sheet }));
    else if (rows.length > 1) problems.push(say(PROBLEMS.duplicate, { id, sheet, cells: rows.map((r) => cellOf(r, 'id')).join(', ') }));
    else if (rows[0].status === 'cancelled') problems.push(say(PROBLEMS.cancelled, { id: rows[0].id }));
    else if (rows[0].side === 'client') problems.push(say(PROBLEMS.clientSide, { id: rows[0].id, cell: cellOf(rows[0], 'side')! }));
    else {
      const c = rows[0];
      const bad = (['cost', 'effortHours', 'due', 'team'] as const).find((k) => isUnread(c, k));
      if (bad) problems.push(say(PROBLEMS.unreadable, { id: c.id, column: header(bad, plan.language), cell: cellOf(c, bad)! }));
      else chosen.push(c);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const cells: ApprovalCell[] = [];
  const approved: { id: string; terms: string }[] = [];
  for (const c of chosen) {
    // Terms are written in the workbook's language: they are the workbook's content.
    const terms = formatTerms(termsOf(c, plan), plan.language);
    const values: [string, LayoutCell][] = [
      ['approvedBy', by],
      ['approvalDate', { date: request.on }],
      ['approvedTerms', terms],
    ];
    for (const [key, value] of values) {
      cells.push({ sheet, row: c.row, column: found.columns[key], cell: cellOf(c, key)!, value });
    }
    approved.push({ id: c.id, terms });
  }
  return { ok: true, cells, approved };
}

// ---- Approve in a pane: the selected rows of the Commitments sheet ----

/** Rows `top..bottom` (1-based, inclusive) selected on one sheet. */
export interface SelectedRows {
  sheet: string;
  top: number;
  bottom: number;
}

const SELECTION_PROBLEMS = {
  nothing: { en: 'nothing is selected: select the rows of the commitments to approve on {sheet}, then Approve', es: 'no hay nada seleccionado: seleccione las filas de los compromisos por aprobar en {sheet} y luego Aprobar' },
  otherSheet: {
    en: 'the selection is on {other}, not on {sheet}: select the rows of the commitments to approve there, then Approve',
    es: 'la selección está en {other}, no en {sheet}: seleccione allí las filas de los compromisos por aprobar y luego Aprobar',
  },
  noRows: {
    en: 'the selected rows ({rows}) of {sheet} hold no commitment: select the rows of the commitments to approve, then Approve',
    es: 'las filas seleccionadas ({rows}) de {sheet} no tienen compromisos: seleccione las filas de los compromisos por aprobar y luego Aprobar',
  },
  noId: { en: 'the commitment on row {row} of {sheet} has no ID ({cell}): give it one, then approve', es: 'el compromiso de la fila {row} de {sheet} no tiene ID ({cell}): asígnele uno y luego apruebe' },
} satisfies Record<string, Label>;

/**
 * The cells that approve the commitments on the selected rows: the pane's
 * Approve. Header and blank rows in the selection are passed over; a
 * selection elsewhere, or holding no commitment, is refused with what to do.
 */
export function approvalCellsForSelection(plan: Plan, selection: readonly SelectedRows[], request: Omit<ApprovalRequest, 'ids'>, lang: Language): ApprovalPlan {
  const say = (label: Label, params: Record<string, string>): string => fill(label[lang], params);
  const found = plan.sheets.commitments;
  if (!found) return approvalCells(plan, { ...request, ids: [] }, lang);
  const sheet = found.name;
  const here = selection.filter((s) => matchKey(s.sheet) === matchKey(sheet));
  if (selection.length === 0) return { ok: false, problems: [say(SELECTION_PROBLEMS.nothing, { sheet })] };
  if (here.length === 0) return { ok: false, problems: [say(SELECTION_PROBLEMS.otherSheet, { sheet, other: selection[0].sheet })] };
  const chosen = plan.commitments.filter((c) => here.some((s) => c.row >= s.top && c.row <= s.bottom));
  if (chosen.length === 0) {
    const rows = here.map((s) => (s.top === s.bottom ? `${s.top}` : `${s.top}–${s.bottom}`)).join(', ');
    return { ok: false, problems: [say(SELECTION_PROBLEMS.noRows, { sheet, rows })] };
  }
  const noId = chosen.filter((c) => c.id.trim() === '');
  if (noId.length > 0) return { ok: false, problems: noId.map((c) => say(SELECTION_PROBLEMS.noId, { sheet, row: String(c.row), cell: cellOf(c, 'id') ?? firstCellOf(c) })) };
  return approvalCells(plan, { ...request, ids: chosen.map((c) => c.id) }, lang);
}

/** What Approve reports back to a pane: JSON-safe, in the pane's language. */
export type ApprovalOutcome = { ok: true; sheet: string; by: string; on: string; approved: { id: string; terms: string }[] } | { ok: false; problems: string[] };

/** The outcome of an approval plan once its cells are written (or of its refusal). */
export function approvalOutcome(result: ApprovalPlan, request: Pick<ApprovalRequest, 'by' | 'on'>, sheet: string): ApprovalOutcome {
  if (!result.ok) return { ok: false, problems: result.problems };
  return { ok: true, sheet, by: request.by.trim(), on: formatDay(request.on), approved: result.approved };
}

/** Approval cells of one column on consecutive rows: what a host writes in one range. */
export interface ApprovalBlock {
  row: number;
  column: number;
  /** One cell a row. */
  values: LayoutCell[][];
}

/**
 * The cells grouped into column blocks of consecutive rows, so a host writes
 * three ranges for a run of selected rows instead of three per row. Only the
 * given cells are in the blocks: rows between two approved ones are never
 * written.
 */
export function approvalBlocks(cells: readonly ApprovalCell[]): ApprovalBlock[] {
  const byColumn = new Map<number, ApprovalCell[]>();
  for (const c of cells) byColumn.set(c.column, [...(byColumn.get(c.column) ?? []), c]);
  const blocks: ApprovalBlock[] = [];
  for (const [column, list] of byColumn) {
    list.sort((a, b) => a.row - b.row);
    for (const c of list) {
      const last = blocks[blocks.length - 1];
      if (last && last.column === column && last.row + last.values.length === c.row) last.values.push([c.value]);
      else blocks.push({ row: c.row, column, values: [[c.value]] });
    }
  }
  return blocks;
}
