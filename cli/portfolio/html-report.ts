// `kap portfolio --html FILE.html`: one self-contained page a director can
// open from a mail or a share: inline CSS and inline SVG charts (scores per
// account, load per team and span), then the Accounts, Teams and Conflicts
// tables. No script, no font, no image, nothing fetched: its
// Content-Security-Policy forbids every request.

import { Language } from '../../core/contract';
import { scorecardBands } from '../../core/score';
import { accountName, Portfolio, TeamSpan } from '../../core/portfolio';
import {
  accountsTable,
  overCost,
  overHours,
  portfolioWord,
  PortfolioTable,
  scoreCellBand,
  spanLabel,
  teamsTable,
} from '../../core/portfolio-layout';
import { Day, formatDay, formatNumber } from '../../core/values';
import { cellText } from './text-report';

/** Charts show this many rows at most (the weakest accounts, the most loaded spans); the tables show all. */
const CHART_ROWS = 40;
const BAND_COLOURS = { red: '#d64541', amber: '#e8a317', green: '#2e9d5b' } as const;

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const CHART_WORDS = {
  scoresTitle: { en: 'Overall readiness per account', es: 'Preparación general por cuenta' },
  scoresNote: { en: 'The {n} weakest of {total} accounts; every account is in the table below.', es: 'Las {n} cuentas más débiles de {total}; todas están en la tabla.' },
  loadTitle: { en: 'Hours committed against capacity, per team and span', es: 'Horas comprometidas frente a la capacidad, por equipo y periodo' },
  loadNote: { en: 'The {n} most loaded of {total} spans; every span is in the table below.', es: 'Los {n} periodos más cargados de {total}; todos están en la tabla.' },
  legendHours: { en: 'hours load', es: 'carga de horas' },
  legendBudget: { en: 'budget load', es: 'carga del presupuesto' },
  legendCapacity: { en: '100% of capacity', es: '100% de la capacidad' },
  summaryPlans: { en: 'plans checked', es: 'planes revisados' },
  summaryConflicts: { en: 'conflicts', es: 'conflictos' },
  summaryOnly: { en: 'only across accounts', es: 'solo entre cuentas' },
  summaryErrors: { en: 'plans with errors', es: 'planes con errores' },
  summarySkipped: { en: 'files not checked', es: 'archivos sin revisar' },
};

function cw(key: keyof typeof CHART_WORDS, lang: Language, params: Record<string, string> = {}): string {
  return CHART_WORDS[key][lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** Horizontal bars of overall readiness, weakest first, coloured by band; knowledge, vision and commitment beside. */
function scoresChart(p: Portfolio): string {
  const l = p.language;
  const rows = [...p.accounts].sort((a, b) => a.scores.overall - b.scores.overall || (a.file < b.file ? -1 : 1)).slice(0, CHART_ROWS);
  if (rows.length === 0) return '';
  const labelW = 230;
  const barW = 360;
  const rowH = 22;
  const top = 24;
  const h = top + rows.length * rowH + 8;
  const w = labelW + barW + 170;
  const parts: string[] = [];
  const abbreviations = (['knowledge', 'vision', 'commitment'] as const).map((k) => portfolioWord(k, l));
  abbreviations.forEach((word, j) => {
    parts.push(`<text x="${labelW + barW + 30 + j * 34}" y="14" class="axis"><title>${esc(word)}</title>${esc(word.slice(0, 3))}</text>`);
  });
  for (const tick of [0, 50, 75, 100]) {
    const x = labelW + (barW * tick) / 100;
    parts.push(`<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${h - 6}" class="grid"/><text x="${x}" y="14" class="axis" text-anchor="middle">${tick}</text>`);
  }
  rows.forEach((a, i) => {
    const y = top + i * rowH;
    const s = a.scores;
    const name = accountName(a);
    const label = name.length > 34 ? `${name.slice(0, 33)}…` : name;
    parts.push(`<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" class="label"><title>${esc(`${name} (${a.file})`)}</title>${esc(label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${(barW * s.overall) / 100}" height="${rowH - 7}" fill="${BAND_COLOURS[scorecardBands(s).overall]}" rx="2"/>`);
    parts.push(`<text x="${labelW + (barW * s.overall) / 100 + 4}" y="${y + 15}" class="value">${s.overall}</text>`);
    [s.knowledge, s.vision, s.commitment].forEach((score, j) => {
      parts.push(`<text x="${labelW + barW + 30 + j * 34}" y="${y + 15}" class="small">${score}</text>`);
    });
  });
  const key = `<p class="note">${esc(abbreviations.map((word) => `${word.slice(0, 3)}: ${word}`).join(' · '))}</p>`;
  const note = (p.accounts.length > rows.length ? `<p class="note">${esc(cw('scoresNote', l, { n: String(rows.length), total: String(p.accounts.length) }))}</p>` : '') + key;
  return (
    `<section><h2>${esc(cw('scoresTitle', l))}</h2>${note}` +
    `<svg role="img" aria-label="${esc(cw('scoresTitle', l))}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg></section>`
  );
}

/** Bars of hours load (and a thinner bar of budget load) per span, with the 100% line; over capacity in red. */
function loadChart(p: Portfolio): string {
  const l = p.language;
  const ratio = (t: TeamSpan): number => (t.availableHours > 0 ? t.committedHours / t.availableHours : t.committedHours > 0 ? Infinity : 0);
  let spans = p.teams;
  if (spans.length > CHART_ROWS) {
    const keep = new Set([...spans].sort((a, b) => ratio(b) - ratio(a)).slice(0, CHART_ROWS));
    spans = spans.filter((t) => keep.has(t));
  }
  if (spans.length === 0) return '';
  const maxRatio = Math.min(3, Math.max(1.2, ...spans.map((t) => Math.min(3, ratio(t))), ...spans.map((t) => (t.budget > 0 ? Math.min(3, t.committedCost / t.budget) : 0))));
  const labelW = 300;
  const barW = 380;
  const rowH = 30;
  const top = 24;
  const h = top + spans.length * rowH + 30;
  const w = labelW + barW + 110;
  const x = (r: number): number => labelW + (barW * Math.min(r, maxRatio)) / maxRatio;
  const parts: string[] = [];
  for (const tick of [0, 0.5, 1, 1.5, 2, 2.5, 3].filter((t) => t <= maxRatio)) {
    parts.push(`<line x1="${x(tick)}" y1="${top - 6}" x2="${x(tick)}" y2="${h - 28}" class="${tick === 1 ? 'limit' : 'grid'}"/>`);
    parts.push(`<text x="${x(tick)}" y="14" class="axis" text-anchor="middle">${Math.round(tick * 100)}%</text>`);
  }
  spans.forEach((t, i) => {
    const y = top + i * rowH;
    const hours = ratio(t);
    const over = t.overHours;
    const label = `${t.team} ${spanLabel(t)}`;
    parts.push(`<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" class="label">${esc(label.length > 44 ? `${label.slice(0, 43)}…` : label)}</text>`);
    parts.push(`<rect x="${labelW}" y="${y + 3}" width="${x(hours) - labelW}" height="13" fill="${over ? '#d64541' : '#3b73b9'}" rx="2"><title>${esc(`${formatNumber(t.committedHours, l)} / ${formatNumber(t.availableHours, l)} h`)}</title></rect>`);
    if (t.budget > 0 && !t.budgetNotJudged) {
      const b = t.committedCost / t.budget;
      parts.push(`<rect x="${labelW}" y="${y + 18}" width="${x(b) - labelW}" height="6" fill="${t.overBudget ? '#f08a80' : '#9bb9e0'}" rx="1"/>`);
    }
    const pct = Number.isFinite(hours) ? `${Math.round(hours * 100)}%` : '∞';
    parts.push(`<text x="${x(hours) + 4}" y="${y + 14}" class="value${over ? ' over' : ''}">${pct}</text>`);
  });
  const ly = h - 12;
  // Legend items placed one after the other by the length of their words (about 6.5 px a character at 11 px).
  let lx = labelW;
  const legend = (swatch: string, text: string): void => {
    parts.push(`${swatch.replace(/\{x\}/g, String(lx))}<text x="${lx + 18}" y="${ly}" class="small">${esc(text)}</text>`);
    lx += 18 + Math.ceil(text.length * 6.5) + 18;
  };
  legend(`<rect x="{x}" y="${ly - 9}" width="14" height="10" fill="#3b73b9"/>`, cw('legendHours', l));
  legend(`<rect x="{x}" y="${ly - 6}" width="14" height="5" fill="#9bb9e0"/>`, cw('legendBudget', l));
  legend(`<line x1="${'{x}'}" y1="${ly - 10}" x2="${'{x}'}" y2="${ly + 2}" class="limit" transform="translate(7 0)"/>`, cw('legendCapacity', l));
  const note = p.teams.length > spans.length ? `<p class="note">${esc(cw('loadNote', l, { n: String(spans.length), total: String(p.teams.length) }))}</p>` : '';
  return (
    `<section><h2>${esc(cw('loadTitle', l))}</h2>${note}` +
    `<svg role="img" aria-label="${esc(cw('loadTitle', l))}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" xmlns="http://www.w3.org/2000/svg">${parts.join('')}</svg></section>`
  );
}

/** A table without the columns named in `skip` (sentences and long lists the page shows apart). */
function tableHtml(full: PortfolioTable, lang: Language, rowClass: (i: number) => string = () => '', skip: readonly string[] = []): string {
  const keep = full.columns.map((c, i) => (skip.includes(c.key) ? -1 : i)).filter((i) => i >= 0);
  const table = { ...full, columns: keep.map((i) => full.columns[i]), rows: full.rows.map((r) => keep.map((i) => r[i])) };
  const numeric = table.columns.map((c) => c.kind !== 'text' && c.kind !== 'date');
  const head = table.columns.map((c, i) => `<th${numeric[i] ? ' class="num"' : ''}>${esc(c.header)}</th>`).join('');
  const body = table.rows
    .map((row, r) => {
      const cells = row.map((cell, i) => {
        const c = table.columns[i];
        const cls = [numeric[i] ? 'num' : '', c.kind === 'date' ? 'date' : '', c.kind === 'score' && typeof cell === 'number' ? `band-${scoreCellBand(table, row, i)}` : ''].filter(Boolean).join(' ');
        // A path may break after each folder, so long paths do not squeeze the other columns.
        const text = c.key === 'file' ? esc(cellText(cell, c, lang)).replace(/\//g, '/<wbr>') : esc(cellText(cell, c, lang));
        return `<td${cls ? ` class="${cls}"` : ''}>${text}</td>`;
      });
      const cls = rowClass(r);
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function conflictsHtml(p: Portfolio): string {
  const l = p.language;
  const w = (k: Parameters<typeof portfolioWord>[0]): string => portfolioWord(k, l);
  if (p.conflicts.length === 0) return `<p>${esc(w('noConflicts'))}</p>`;
  return p.conflicts
    .map((c) => {
      const t = c.span;
      const facts: string[] = [];
      if (c.overHours) facts.push(`${formatNumber(t.committedHours, l)} ${w('of')} ${formatNumber(t.availableHours, l)} ${w('hours')} (${w('over')} ${formatNumber(overHours(c) ?? 0, l)})`);
      if (c.overBudget) facts.push(`${w('cost')} ${formatNumber(t.committedCost, l)} ${w('of')} ${formatNumber(t.budget, l)} (${w('over')} ${formatNumber(overCost(c) ?? 0, l)})`);
      const rows = t.shares
        .flatMap((s) =>
          s.commitments.map(
            (item) =>
              `<tr><td>${esc(accountName(s))}</td><td>${esc(item.id)}</td><td>${esc(item.commitment)}</td><td class="date">${formatDay(item.due)}</td>` +
              `<td class="num">${esc(formatNumber(item.hours, l))}</td><td class="num">${esc(formatNumber(item.cost, l))}</td><td>${esc(`${s.file} ${item.sheet}!${item.cell}`)}</td></tr>`,
          ),
        )
        .join('\n');
      const tag = c.onlyWhenAddedUp ? `<span class="tag only">${esc(w('onlyAdded'))}</span>` : `<span class="tag">${esc(w('alsoSingle'))}</span>`;
      return (
        `<article class="conflict"><h3>${esc(t.team)} <span class="span">${esc(spanLabel(t))}</span> ${tag}</h3><p>${esc(facts.join('; '))}</p>` +
        `<div class="scroll"><table><thead><tr><th>${esc(w('account'))}</th><th>${esc(w('id'))}</th><th>${esc(w('commitment'))}</th><th>${esc(w('due'))}</th>` +
        `<th class="num">${esc(w('effort'))}</th><th class="num">${esc(w('costHeader'))}</th><th>${esc(w('cell'))}</th></tr></thead><tbody>\n${rows}\n</tbody></table></div></article>`
      );
    })
    .join('\n');
}

function nextStepsHtml(p: Portfolio): string {
  const l = p.language;
  const items = p.accounts.map((a) => {
    const step = a.nextStep
      ? `${esc(a.nextStep.message)} <span class="gain">+${esc(formatNumber(a.nextStep.gain, l))}</span> <span class="span">${esc(`${a.nextStep.sheet}!${a.nextStep.cell}`)}</span>`
      : esc(portfolioWord('noNextStep', l));
    return `<li><b>${esc(accountName(a))}</b>: ${step}</li>`;
  });
  return `<ul class="steps">${items.join('')}</ul>`;
}

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:0;color:#1f2933;background:#f5f7fa}
header{background:#1f3a5f;color:#fff;padding:18px 28px}
header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.85}
main{padding:8px 20px 40px;max-width:1400px}
section{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:14px 14px;margin:16px 0}
h2{font-size:17px;margin:0 0 10px}
h3{font-size:15px;margin:12px 0 4px}
.summary{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.summary div{background:#fff;border:1px solid #dde3ea;border-radius:6px;padding:10px 16px;min-width:120px}
.summary b{display:block;font-size:24px}
.summary .bad b{color:#c0392b}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th{background:#dce6f1;text-align:left;padding:5px 6px;position:sticky;top:0;hyphens:auto}
td{border-bottom:1px solid #edf0f3;padding:4px 6px;vertical-align:top;overflow-wrap:break-word}
.num{text-align:right;font-variant-numeric:tabular-nums}
.date{white-space:nowrap}
.band-red{background:#f4c7c3}.band-amber{background:#fce8b2}.band-green{background:#b7e1cd}
tr.over td{color:#a61b1b;font-weight:600}
.tag{font-size:12px;font-weight:normal;background:#eef1f4;border-radius:10px;padding:2px 8px;margin-left:6px}
.tag.only{background:#fde2df;color:#a61b1b}
.span{font-weight:normal;color:#52606d}
.note{color:#52606d;font-size:12px;margin:0 0 6px}
svg text{font-family:inherit}
svg .label{font-size:12px;fill:#1f2933}
svg .value{font-size:12px;fill:#1f2933;font-weight:600}
svg .value.over{fill:#c0392b}
svg .small,svg .axis{font-size:11px;fill:#52606d}
svg .grid{stroke:#e4e8ec}
svg .limit{stroke:#c0392b;stroke-dasharray:4 3;stroke-width:1.5}
ul{margin:4px 0;padding-left:20px}
.steps li{margin:3px 0}
.gain{color:#2e7d4f;font-weight:600}
`;

export function portfolioHtml(p: Portfolio, asOf: Day): string {
  const l = p.language;
  const w = (k: Parameters<typeof portfolioWord>[0], params: Record<string, string> = {}): string => portfolioWord(k, l, params);
  const only = p.conflicts.filter((c) => c.onlyWhenAddedUp).length;
  const withErrors = p.accounts.filter((a) => a.errors > 0).length;
  const box = (n: number, label: string, bad: boolean): string => `<div${bad && n > 0 ? ' class="bad"' : ''}><b>${n}</b>${esc(label)}</div>`;
  const teams = teamsTable(p);
  const teamRowClass = (i: number): string => {
    const t = p.teams[i];
    return t && (t.overHours || t.overBudget) ? 'over' : '';
  };
  const list = (items: string[]): string => `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="${l}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${w('title')} ${formatDay(asOf)}`)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(w('title'))}</h1><p>${esc(`${w('asOf')} ${formatDay(asOf)} · ${p.capacitySource === 'file' ? w('capacityFile', { file: p.capacityFile ?? '' }) : w('capacityPlans')}`)}</p></header>
<main>
<div class="summary">${box(p.accounts.length, cw('summaryPlans', l), false)}${box(p.conflicts.length, cw('summaryConflicts', l), true)}${box(only, cw('summaryOnly', l), true)}${box(withErrors, cw('summaryErrors', l), true)}${box(p.skipped.length, cw('summarySkipped', l), true)}</div>
${scoresChart(p)}
${loadChart(p)}
<section><h2>${esc(w('conflicts'))} (${p.conflicts.length})</h2>${conflictsHtml(p)}</section>
<section><h2>${esc(w('accounts'))} (${p.accounts.length})</h2>${p.accounts.length ? tableHtml(accountsTable(p), l, () => '', ['nextStep', 'nextStepPlace', 'gain']) : `<p>${esc(w('noAccounts'))}</p>`}</section>
${p.accounts.length ? `<section><h2>${esc(w('nextSteps'))}</h2>${nextStepsHtml(p)}</section>` : ''}
<section><h2>${esc(w('teams'))} (${p.teams.length})</h2>${teams.rows.length ? tableHtml(teams, l, teamRowClass, ['capacityFrom']) : `<p>${esc(w('noTeams'))}</p>`}</section>
${p.findings.length ? `<section><h2>${esc(w('findings'))} (${p.findings.length})</h2>${list(p.findings.map((f) => `${f.rule}: ${f.message}`))}</section>` : ''}
${p.skipped.length ? `<section><h2>${esc(w('skipped'))} (${p.skipped.length})</h2>${list(p.skipped.map((s) => `${s.file}: ${s.reason}`))}</section>` : ''}
</main>
</body>
</html>
`;
}
