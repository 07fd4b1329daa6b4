// Structure rules that need the whole plan: IDs and references, the Plan
// sheet's account and period, and capacity rows that cannot cover anything.

import type { RuleContext } from '../check-context';
import { Label, matchKey, SheetKey, TABLE_SHEETS } from '../contract';
import { RuleDef } from '../finding';
import { RowOrigin } from '../plan';
import { formatDay } from '../values';

export const STRUCTURE_RULES = {
  duplicateId: {
    code: 'duplicate-id',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'Two rows of a sheet share an ID.', es: 'Dos filas de una hoja comparten un ID.' },
    message: {
      en: '{sheet} ID "{id}" is used again on row {row}; it is first used on row {first}.',
      es: 'El ID "{id}" de {sheet} se repite en la fila {row}; se usa primero en la fila {first}.',
    },
    fix: {
      en: 'Give this row its own ID (IDs are unique within a sheet) and fix references that meant it.',
      es: 'Asigne a esta fila un ID propio (los ID son únicos en la hoja) y corrija las referencias a ella.',
    },
    step: { en: 'Give row {row} of {sheet} its own ID', es: 'Asigne un ID propio a la fila {row} de {sheet}' },
  },
  unknownReference: {
    code: 'unknown-reference',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A reference list names an ID that does not exist in its sheet.', es: 'Una lista de referencias nombra un ID que no existe en su hoja.' },
    message: {
      en: '{thing}: {column} refers to {ids}, not found on the {target} sheet.',
      es: '{thing}: {column} se refiere a {ids}, que no existe en la hoja {target}.',
    },
    fix: {
      en: 'Correct the ID or add the missing row to {target}.',
      es: 'Corrija el ID o agregue la fila que falta en {target}.',
    },
    step: { en: 'Correct {column} of {thing} ({ids})', es: 'Corrija {column} de {thing} ({ids})' },
  },
  planNoAccount: {
    code: 'plan-no-account',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'The Plan sheet names no account.', es: 'La hoja Plan no nombra la cuenta.' },
    message: { en: 'The plan does not say which account it is for.', es: 'El plan no dice para qué cuenta es.' },
    fix: { en: 'Write the client’s name in the Account field.', es: 'Escriba el nombre del cliente en el campo Cuenta.' },
    step: { en: 'Write the account’s name on the Plan sheet', es: 'Escriba el nombre de la cuenta en la hoja Plan' },
  },
  planNoPeriod: {
    code: 'plan-no-period',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'The Plan sheet has no period start or no period end.', es: 'La hoja Plan no tiene inicio o fin del periodo.' },
    message: {
      en: 'The plan has no {field}: a joint plan covers a set period (quarter, semester, year).',
      es: 'El plan no tiene {field}: un plan conjunto cubre un periodo definido (trimestre, semestre, año).',
    },
    fix: { en: 'Write the {field} date.', es: 'Escriba la fecha de {field}.' },
    step: { en: 'Write the plan’s {field}', es: 'Escriba el {field} del plan' },
  },
  periodEndBeforeStart: {
    code: 'period-end-before-start',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'The plan period ends before it starts.', es: 'El periodo del plan termina antes de empezar.' },
    message: { en: 'The plan period ends on {end}, before it starts on {start}.', es: 'El periodo del plan termina el {end}, antes de empezar el {start}.' },
    fix: { en: 'Correct the period start or end.', es: 'Corrija el inicio o el fin del periodo.' },
    step: { en: 'Correct the plan period', es: 'Corrija el periodo del plan' },
  },
  capacityRowIncomplete: {
    code: 'capacity-row-incomplete',
    phase: 'structure',
    severity: 'error',
    trigger: {
      en: 'A Capacity row has no team, start or end, so it covers no commitment.',
      es: 'Una fila de Capacidad no tiene equipo, inicio o fin, así que no cubre ningún compromiso.',
    },
    message: { en: 'Capacity row {row} ({team}) has no {field}.', es: 'La fila {row} de Capacidad ({team}) no tiene {field}.' },
    fix: { en: 'Fill in the {field}.', es: 'Complete {field}.' },
    step: { en: 'Fill in the {field} of capacity row {row} ({team})', es: 'Complete {field} de la fila {row} de Capacidad ({team})' },
  },
  capacityEndBeforeStart: {
    code: 'capacity-end-before-start',
    phase: 'structure',
    severity: 'error',
    trigger: { en: 'A Capacity row ends before it starts.', es: 'Una fila de Capacidad termina antes de empezar.' },
    message: {
      en: 'Capacity for team "{team}" ends on {end}, before it starts on {start}.',
      es: 'La capacidad del equipo "{team}" termina el {end}, antes de empezar el {start}.',
    },
    fix: { en: 'Correct the start or end of the span.', es: 'Corrija el inicio o el fin del lapso.' },
    step: { en: 'Correct the span of team "{team}"', es: 'Corrija el lapso del equipo "{team}"' },
  },
} satisfies Record<string, RuleDef>;

const R = STRUCTURE_RULES;

export function checkStructure(ctx: RuleContext): void {
  const { plan } = ctx;
  const ids = {
    knowledge: uniqueIds(ctx, 'knowledge', plan.knowledge),
    learning: uniqueIds(ctx, 'learning', plan.learning),
    stakeholders: uniqueIds(ctx, 'stakeholders', plan.stakeholders),
    vision: uniqueIds(ctx, 'vision', plan.vision),
    commitments: uniqueIds(ctx, 'commitments', plan.commitments),
  };
  for (const l of plan.learning) references(ctx, l, l.activity, 'knowledgeGained', l.knowledgeGained, 'knowledge', ids.knowledge);
  for (const v of plan.vision) references(ctx, v, v.opportunity, 'addresses', v.addresses, 'knowledge', ids.knowledge);
  for (const c of plan.commitments) references(ctx, c, c.commitment, 'supports', c.supports, 'vision', ids.vision);
  checkPlanSheet(ctx);
  checkCapacityRows(ctx);
}

/** Raises duplicate-id for every repeat and returns the sheet's IDs (as match keys). */
function uniqueIds(ctx: RuleContext, key: SheetKey, rows: readonly (RowOrigin & { id: string })[]): Set<string> {
  const first = new Map<string, number>();
  for (const r of rows) {
    if (r.id === '') continue;
    const k = matchKey(r.id);
    const at = first.get(k);
    if (at === undefined) {
      first.set(k, r.row);
      continue;
    }
    ctx.raise(R.duplicateId, { sheet: r.sheet, cell: ctx.cell(r, 'id') }, { sheet: r.sheet, id: r.id, row: r.row, first: at });
  }
  return new Set(first.keys());
}

function references(
  ctx: RuleContext,
  row: RowOrigin & { id: string },
  text: string,
  column: string,
  refs: readonly string[],
  target: SheetKey,
  known: ReadonlySet<string>,
): void {
  // A missing target sheet is already reported; every reference would look unknown.
  if (refs.length === 0 || !ctx.hasSheet(target)) return;
  const unknown = refs.filter((id) => !known.has(matchKey(id)));
  if (unknown.length === 0) return;
  ctx.raise(
    R.unknownReference,
    { sheet: row.sheet, cell: ctx.cell(row, column) },
    { thing: ctx.thing(row, text), column: columnLabel(column), ids: unknown.join(', '), target: ctx.sheetName(target) },
  );
}

/** A reference column's header in both languages, from the contract. */
function columnLabel(column: string): Label {
  for (const sheet of TABLE_SHEETS) {
    const def = sheet.columns.find((c) => c.key === column);
    if (def) return { en: def.en, es: def.es };
  }
  return { en: column, es: column };
}

function checkPlanSheet(ctx: RuleContext): void {
  if (!ctx.hasSheet('plan')) return;
  const s = ctx.plan.summary;
  const sheet = ctx.sheetName('plan');
  if (s.account === '' && ctx.fieldKnown('account')) ctx.raise(R.planNoAccount, { sheet, cell: ctx.fieldCell('account') });
  const start = { en: 'Period start', es: 'Inicio del periodo' };
  const end = { en: 'Period end', es: 'Fin del periodo' };
  if (s.periodStart === undefined && ctx.fieldKnown('periodStart')) ctx.raise(R.planNoPeriod, { sheet, cell: ctx.fieldCell('periodStart') }, { field: start });
  if (s.periodEnd === undefined && ctx.fieldKnown('periodEnd')) ctx.raise(R.planNoPeriod, { sheet, cell: ctx.fieldCell('periodEnd') }, { field: end });
  if (s.periodStart !== undefined && s.periodEnd !== undefined && s.periodEnd < s.periodStart) {
    ctx.raise(R.periodEndBeforeStart, { sheet, cell: ctx.fieldCell('periodEnd') }, { start: formatDay(s.periodStart), end: formatDay(s.periodEnd) });
  }
}

function checkCapacityRows(ctx: RuleContext): void {
  const fields = {
    team: { en: 'Team', es: 'Equipo' },
    start: { en: 'Period start', es: 'Inicio' },
    end: { en: 'Period end', es: 'Fin' },
  };
  for (const c of ctx.plan.capacity) {
    const team = c.team === '' ? '—' : c.team;
    for (const key of ['team', 'start', 'end'] as const) {
      const blank = key === 'team' ? c.team === '' : c[key] === undefined;
      if (!blank || !ctx.known(c, key)) continue;
      ctx.raise(R.capacityRowIncomplete, { sheet: c.sheet, cell: ctx.cell(c, key) }, { row: c.row, team, field: fields[key] });
    }
    if (c.start !== undefined && c.end !== undefined && c.end < c.start) {
      ctx.raise(R.capacityEndBeforeStart, { sheet: c.sheet, cell: ctx.cell(c, 'end') }, { team, start: formatDay(c.start), end: formatDay(c.end) });
    }
  }
}
