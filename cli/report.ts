// The human report of `kap check`: the scorecard, the next steps, then the
// findings grouped by phase, then the unsupported commitments with their reasons,
// then feasibility (capacity and budget per team and span), in the output
// language. Plain text lines, so it reads the same in a terminal, a log or CI.

import { CheckResult } from '../core/check';
import { Label, Language } from '../core/contract';
import { commitmentLine, commitmentList, Feasibility, FEASIBILITY_WORDS, hoursLoad, moneyLoad, UNCOVERED_WORDS, uncoveredGroups } from '../core/feasibility';
import { PHASES, Severity } from '../core/finding';
import { BAND_NAMES, PHASE_NAMES, SEVERITY_NAMES } from '../core/layout/review';
import { ruleTitle } from '../core/rules/titles';
import { scorecardBands } from '../core/score';
import { REASON_WORDS } from '../core/support';
import { Day, formatDay } from '../core/values';

const WORDS = {
  title: { en: 'Key account plan check', es: 'Revisión del plan de cuenta clave' },
  asOf: { en: 'as of', es: 'al' },
  scorecard: { en: 'Scorecard', es: 'Puntaje' },
  overall: { en: 'Overall readiness', es: 'Preparación general' },
  findings: { en: 'Findings', es: 'Hallazgos' },
  noFindings: { en: 'No findings: the plan passes every rule.', es: 'Sin hallazgos: el plan cumple todas las reglas.' },
  fix: { en: 'Fix', es: 'Cómo corregir' },
  point: { en: 'point', es: 'punto' },
  points: { en: 'points', es: 'puntos' },
  unsupported: { en: 'Unsupported commitments', es: 'Compromisos sin respaldo' },
  allSupported: { en: 'Every commitment is supported.', es: 'Todos los compromisos tienen respaldo.' },
  noCommitments: { en: 'No commitments yet.', es: 'Aún no hay compromisos.' },
  of: { en: 'of', es: 'de' },
  written: { en: 'Review sheet written', es: 'Hoja de revisión escrita' },
  steps: { en: 'Next steps (what raises overall readiness most)', es: 'Próximos pasos (lo que más sube la preparación general)' },
  noSteps: { en: 'Nothing left to raise: the plan meets every criterion.', es: 'Nada que subir: el plan cumple todos los criterios.' },
  unmet: { en: 'Not yet shown by the plan', es: 'Aún no lo muestra el plan' },
  overHours: { en: 'OVER CAPACITY', es: 'SOBRE LA CAPACIDAD' },
  overBudget: { en: 'OVER BUDGET', es: 'SOBRE EL PRESUPUESTO' },
  unreadable: { en: 'a figure cannot be read, so these totals are not the whole story (see capacity-unreadable)', es: 'una cifra no se puede leer, así que estos totales no son todo (vea capacity-unreadable)' },
  largest: { en: 'Largest', es: 'Mayores' },
  noTeam: { en: '(no team)', es: '(sin equipo)' },
} satisfies Record<string, Label>;

/** How many commitments each span names, largest first, before "and N more". */
const LARGEST_SHOWN = 5;

const COUNT_WORDS: Record<Severity, Label> = {
  error: { en: 'errors', es: 'errores' },
  warning: { en: 'warnings', es: 'advertencias' },
  info: { en: 'info', es: 'avisos' },
};


/** The report as lines, in `result.outputLanguage`. */
export function humanReport(result: CheckResult, asOf: Day): string[] {
  const l: Language = result.outputLanguage;
  const w = (label: Label): string => label[l];
  const lines: string[] = [];
  const account = result.plan.summary.account;
  lines.push(`${w(WORDS.title)}${account ? `: ${account}` : ''} (${w(WORDS.asOf)} ${formatDay(asOf)})`);
  lines.push('');

  const s = result.scorecard;
  lines.push(w(WORDS.scorecard));
  const bands = scorecardBands(s);
  const scores: [Label, number, keyof typeof bands][] = [
    [PHASE_NAMES.knowledge, s.knowledge, 'knowledge'],
    [PHASE_NAMES.vision, s.vision, 'vision'],
    [PHASE_NAMES.commitment, s.commitment, 'commitment'],
    [WORDS.overall, s.overall, 'overall'],
  ];
  const labelWidth = Math.max(...scores.map(([label]) => w(label).length));
  for (const [label, score, key] of scores) {
    lines.push(`  ${w(label).padEnd(labelWidth)}  ${String(score).padStart(3)}  ${w(BAND_NAMES[bands[key]])}`);
  }
  lines.push(`  ${w(s.explanation)}`);
  lines.push('');

  lines.push(w(WORDS.steps));
  if (result.actions.length === 0) lines.push(`  ${w(WORDS.noSteps)}`);
  result.actions.forEach((a, i) => lines.push(`  ${i + 1}. ${a.message} (${a.sheet}!${a.cell}): +${pointsText(a.gain, l)}`));
  if (s.unmet.length > 0) {
    lines.push(`  ${w(WORDS.unmet)}:`);
    for (const u of s.unmet) lines.push(`    ${w(u.label)} (-${pointsText(u.points, l)})`);
  }
  lines.push('');

  const counts = (['error', 'warning', 'info'] as const)
    .map((sev) => `${result.findings.filter((f) => f.severity === sev).length} ${w(COUNT_WORDS[sev])}`)
    .join(', ');
  lines.push(`${w(WORDS.findings)} (${counts})`);
  if (result.findings.length === 0) lines.push(`  ${w(WORDS.noFindings)}`);
  const points = new Map(s.cost.map((c) => [c.findingIndex, c.points]));
  for (const phase of PHASES) {
    const inPhase = result.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.phase === phase);
    if (inPhase.length === 0) continue;
    lines.push(`  ${w(PHASE_NAMES[phase])}`);
    for (const { f, i } of inPhase) {
      const lost = points.get(i) ?? 0;
      const cost = lost > 0 ? ` (-${pointsText(lost, l)} ${w(lost === 1 ? WORDS.point : WORDS.points)})` : '';
      lines.push(`    ${w(SEVERITY_NAMES[f.severity]).padEnd(11)} ${ruleTitle(f.rule, l)} (${f.rule})  ${f.sheet}!${f.cell}${cost}`);
      lines.push(`      ${f.message}`);
      lines.push(`      ${w(WORDS.fix)}: ${f.fix}`);
    }
  }
  lines.push('');

  const unsupported = result.commitments.filter((c) => !c.supported);
  lines.push(`${w(WORDS.unsupported)} (${unsupported.length} ${w(WORDS.of)} ${result.commitments.length})`);
  if (result.commitments.length === 0) lines.push(`  ${w(WORDS.noCommitments)}`);
  else if (unsupported.length === 0) lines.push(`  ${w(WORDS.allSupported)}`);
  for (const c of unsupported) {
    const name = [c.id, c.commitment ? `"${c.commitment}"` : ''].filter((p) => p !== '').join(' ') || `${c.sheet}!${c.cell}`;
    lines.push(`  ${name}`);
    for (const reason of c.reasons) lines.push(`    ${reason}: ${w(REASON_WORDS[reason])}`);
  }
  lines.push('');
  // One at a time: a large plan has more feasibility lines than a spread call takes arguments.
  for (const line of feasibilityLines(result.feasibility, l)) lines.push(line);
  return lines;
}

/**
 * Per team and capacity span: committed of available hours and budget with the
 * headroom, flagged when over, and the largest commitments; then our
 * commitments that no span covers, one line per team and reason.
 */
export function feasibilityLines(f: Feasibility, l: Language): string[] {
  const w = (label: Label): string => label[l];
  const lines = [w(FEASIBILITY_WORDS.title)];
  if (f.spans.length === 0) lines.push(`  ${w(FEASIBILITY_WORDS.noSpans)}`);
  const labelWidth = Math.max(w(FEASIBILITY_WORDS.hours).length, w(FEASIBILITY_WORDS.budget).length, w(WORDS.largest).length);
  for (const s of f.spans) {
    const span = `${s.start === undefined ? '…' : formatDay(s.start)} – ${s.end === undefined ? '…' : formatDay(s.end)}`;
    const flags = [s.overHours ? w(WORDS.overHours) : '', s.overBudget ? w(WORDS.overBudget) : ''].filter((x) => x !== '');
    lines.push(`  ${s.team || w(WORDS.noTeam)}  ${span}  (${s.sheet}!${s.cell})${flags.length > 0 ? `  ${flags.join(', ')}` : ''}`);
    lines.push(`    ${w(FEASIBILITY_WORDS.hours).padEnd(labelWidth)}  ${hoursLoad(s, l)}`);
    lines.push(`    ${w(FEASIBILITY_WORDS.budget).padEnd(labelWidth)}  ${moneyLoad(s, f.currency, l)}`);
    // One commitment a line, largest first, so a long name does not hide the next.
    const shown = s.commitments.slice(0, LARGEST_SHOWN).map((c) => commitmentLine(c, f.currency, l));
    const more = s.commitments.length - shown.length;
    if (more > 0) shown.push(l === 'es' ? `y ${more} más` : `and ${more} more`);
    if (shown.length === 0) shown.push(w(FEASIBILITY_WORDS.noneInSpan));
    shown.forEach((text, i) => lines.push(`    ${(i === 0 ? w(WORDS.largest) : '').padEnd(labelWidth)}  ${text}`));
    if (s.unreadable) lines.push(`    ${w(WORDS.unreadable)}`);
  }
  if (f.uncovered.length > 0) {
    lines.push(`  ${w(FEASIBILITY_WORDS.uncovered)} (${f.uncovered.length})`);
    for (const g of uncoveredGroups(f)) {
      // A group with no team is named by its reason alone ("no team").
      const why = g.team.trim() === '' ? w(UNCOVERED_WORDS[g.reason]) : `${g.team.trim()}, ${w(UNCOVERED_WORDS[g.reason])}`;
      lines.push(`    ${why}: ${commitmentList(g.commitments, f.currency, l, LARGEST_SHOWN)}`);
    }
  }
  return lines;
}

/** Points to one decimal with the language's decimal mark (2.5 / 2,5). */
function pointsText(n: number, lang: Language): string {
  const text = String(Math.round(n * 10) / 10);
  return lang === 'es' ? text.replace('.', ',') : text;
}

/** The line `check --write` adds once the Review sheet is saved. */
export function reviewWrittenLine(lang: Language, sheet: string, file: string): string {
  return `${WORDS.written[lang]}: ${file} (${sheet})`;
}
