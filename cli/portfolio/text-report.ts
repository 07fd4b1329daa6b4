// The human report of `kap portfolio`: the Accounts and Teams tables as
// aligned text, then each conflict with every commitment that shares it,
// the portfolio's findings and the files not checked. Plain lines, so it
// reads the same in a terminal, a log or CI.

import { Language } from '../../core/contract';
import { accountName, Portfolio } from '../../core/portfolio';
import { accountsTable, overCost, overHours, portfolioWord, PortfolioCell, PortfolioColumn, PortfolioTable, spanLabel, teamsTable } from '../../core/portfolio-layout';
import { Day, formatDay, formatNumber } from '../../core/values';

/** A table cell as text, as the text report and the HTML page show it. */
export function cellText(cell: PortfolioCell, column: PortfolioColumn, lang: Language): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return formatDay(cell.day);
  if (typeof cell === 'string') return cell;
  if (column.kind === 'percent') return `${Math.round(cell * 100)}%`;
  if (column.kind === 'count' || column.kind === 'score') return String(cell);
  return formatNumber(cell, lang);
}

/** Long names are cut so a row fits a wide terminal; files are never cut (a user copies them). */
const MAX_TEXT_COLUMN = 32;

function fit(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

function tableLines(table: PortfolioTable, lang: Language, skip: readonly string[] = []): string[] {
  const shown = table.columns.map((c, i) => ({ c, i })).filter(({ c }) => !skip.includes(c.key));
  const texts = table.rows.map((row) => shown.map(({ c, i }) => (c.key === 'file' ? cellText(row[i], c, lang) : fit(cellText(row[i], c, lang), MAX_TEXT_COLUMN))));
  const widths = shown.map(({ c }, j) => Math.max(c.header.length, ...texts.map((r) => r[j].length)));
  const right = shown.map(({ c }) => c.kind !== 'text' && c.kind !== 'date');
  const line = (cells: string[]): string =>
    `  ${cells.map((t, j) => (right[j] ? t.padStart(widths[j]) : t.padEnd(widths[j]))).join('  ')}`.trimEnd();
  return [line(shown.map(({ c }) => c.header)), ...texts.map(line)];
}

/** The report line by line, so the command prints each as it is made instead of building the whole text first. */
export function* portfolioReport(p: Portfolio, asOf: Day): Generator<string> {
  const l = p.language;
  const w = (k: Parameters<typeof portfolioWord>[0], params: Record<string, string> = {}): string => portfolioWord(k, l, params);
  const planWord = p.accounts.length === 1 ? w('plan') : w('plans');
  const skipped = p.skipped.length > 0 ? `, ${p.skipped.length} ${w(p.skipped.length === 1 ? 'skippedOne' : 'skippedCount')}` : '';
  yield `${w('title')}: ${p.accounts.length} ${planWord}${skipped} (${w('asOf')} ${formatDay(asOf)})`;
  yield p.capacitySource === 'file' ? w('capacityFile', { file: p.capacityFile ?? '' }) : w('capacityPlans');
  yield '';

  yield `${w('accounts')} (${p.accounts.length})`;
  if (p.accounts.length === 0) yield `  ${w('noAccounts')}`;
  else yield* tableLines(accountsTable(p), l, ['nextStep', 'nextStepPlace', 'gain']);
  if (p.accounts.length > 0) {
    // The next steps are sentences: under the table, one per account, rather than cut to a column.
    yield '';
    yield `${w('nextSteps')}`;
    for (const a of p.accounts) {
      const step = a.nextStep ? `${a.nextStep.message} (+${formatNumber(a.nextStep.gain, l)}, ${a.nextStep.sheet}!${a.nextStep.cell})` : w('noNextStep');
      yield `  ${accountName(a)}: ${step}`;
    }
  }
  yield '';

  yield `${w('teams')} (${p.teams.length})`;
  if (p.teams.length === 0) yield `  ${w('noTeams')}`;
  const teams = teamsTable(p);
  if (teams.rows.length > 0) yield* tableLines(teams, l, ['capacityFrom']);
  yield '';

  const only = p.conflicts.filter((c) => c.onlyWhenAddedUp).length;
  yield `${w('conflicts')} (${p.conflicts.length}${p.conflicts.length > 0 ? `; ${only} ${w('onlyAdded')}` : ''})`;
  if (p.conflicts.length === 0) yield `  ${w('noConflicts')}`;
  for (const c of p.conflicts) {
    const t = c.span;
    const parts: string[] = [];
    if (c.overHours) parts.push(`${formatNumber(t.committedHours, l)} ${w('of')} ${formatNumber(t.availableHours, l)} ${w('hours')} (${w('over')} ${formatNumber(overHours(c) ?? 0, l)})`);
    if (c.overBudget) parts.push(`${w('cost')} ${formatNumber(t.committedCost, l)} ${w('of')} ${formatNumber(t.budget, l)} (${w('over')} ${formatNumber(overCost(c) ?? 0, l)})`);
    yield `  ${t.team} ${spanLabel(t)}: ${parts.join('; ')}; ${c.onlyWhenAddedUp ? w('onlyAdded') : w('alsoSingle')}`;
    for (const share of t.shares) {
      yield `    ${accountName(share)} (${share.file}): ${formatNumber(share.hours, l)} ${w('hoursUnit')}, ${formatNumber(share.cost, l)}`;
      for (const item of share.commitments) {
        const name = item.id !== '' ? item.id : `${item.sheet}!${item.cell}`;
        const text = item.commitment !== '' ? ` "${item.commitment}"` : '';
        yield `      ${name}${text} ${formatDay(item.due)}  ${formatNumber(item.hours, l)} ${w('hoursUnit')}  ${formatNumber(item.cost, l)}`;
      }
    }
  }

  if (p.findings.length > 0) {
    yield '';
    yield `${w('findings')} (${p.findings.length})`;
    for (const f of p.findings) yield `  ${f.rule}: ${f.message}`;
  }
  if (p.skipped.length > 0) {
    yield '';
    yield `${w('skipped')} (${p.skipped.length})`;
    for (const s of p.skipped) yield `  ${s.file}: ${s.reason}`;
  }
}
