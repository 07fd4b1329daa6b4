// Feasibility in the pane: can we deliver what the plan commits? One card per
// capacity span (the most loaded first), with a load bar for hours and one for
// money, the figures written beside each bar, an over-capacity span marked in
// words as well as colour; its largest commitments and what no span covers,
// each a way to its cell.

import type { Language } from '../core/contract';
import { commitmentLine, FeasibilityView, FEASIBILITY_WORDS, hoursLoad, moneyLoad, SpanView, UNCOVERED_WORDS, UncoveredGroupView } from '../core/feasibility';
import { formatDay } from '../core/values';
import { fill } from '../core/finding';
import { el } from './element';

const WORDS = {
  title: { en: 'Feasibility', es: 'Factibilidad' },
  subtitle: { en: 'Capacity and budget per team and span, the most loaded first', es: 'Capacidad y presupuesto por equipo y periodo, los más cargados primero' },
  overHours: { en: 'Over capacity', es: 'Sobre la capacidad' },
  overBudget: { en: 'Over budget', es: 'Sobre el presupuesto' },
  withinBoth: { en: 'Within capacity and budget', es: 'Dentro de capacidad y presupuesto' },
  unreadable: { en: 'A figure cannot be read: these totals are not the whole story.', es: 'Una cifra no se puede leer: estos totales no son todo.' },
  largest: { en: 'Largest commitments', es: 'Compromisos mayores' },
  more: { en: 'and {n} more', es: 'y {n} más' },
  shownSpans: { en: 'The {n} most loaded of {total} spans are shown; the Review sheet lists every one.', es: 'Se muestran los {n} periodos más cargados de {total}; la hoja Revisión los lista todos.' },
  noTeam: { en: 'No team', es: 'Sin equipo' },
  goTo: { en: 'Go to', es: 'Ir a' },
  span: { en: '{from} to {to}', es: '{from} a {to}' },
} as const;

type Word = keyof typeof WORDS;


/** Where a click on a span or a commitment goes: its cell. */
export type SelectCell = (sheet: string, cell: string) => void;

/** The feasibility section of the pane, from the check's bounded view (core/feasibility.ts). */
export function feasibilitySection(f: FeasibilityView, lang: Language, onSelect: SelectCell): HTMLElement {
  const w = (k: Word): string => WORDS[k][lang];
  const section = el(
    'section',
    { class: 'kap-feasibility', 'aria-labelledby': 'kap-feasibility-title' },
    el('h2', { id: 'kap-feasibility-title', text: w('title') }, el('span', { class: 'kap-asof', text: w('subtitle') })),
  );
  if (f.spanCount === 0) section.appendChild(el('p', { class: 'kap-muted', text: FEASIBILITY_WORDS.noSpans[lang] }));
  const list = el('ul', { class: 'kap-list kap-spans' });
  for (const s of f.spans) list.appendChild(el('li', {}, spanCard(s, f.currency, lang, onSelect)));
  if (f.spans.length > 0) section.appendChild(list);
  if (f.spanCount > f.spans.length) section.appendChild(el('p', { class: 'kap-muted kap-note', text: fill(w('shownSpans'), { n: f.spans.length, total: f.spanCount }) }));
  if (f.uncoveredCount > 0) section.appendChild(uncoveredBlock(f, lang, onSelect));
  return section;
}

function spanCard(s: SpanView, currency: string, lang: Language, onSelect: SelectCell): HTMLElement {
  const w = (k: Word): string => WORDS[k][lang];
  const over = s.overHours || s.overBudget;
  const dates = fill(w('span'), { from: s.start === undefined ? '…' : formatDay(s.start), to: s.end === undefined ? '…' : formatDay(s.end) });
  const team = s.team.trim() || w('noTeam');
  const flags = [s.overHours ? w('overHours') : '', s.overBudget ? w('overBudget') : ''].filter((t) => t !== '');
  const head = el(
    'button',
    { type: 'button', class: 'kap-span-head', 'aria-label': `${team}, ${dates}. ${flags.join(', ') || w('withinBoth')}. ${w('goTo')} ${s.sheet}!${s.cell}` },
    el('span', { class: 'kap-span-team', text: team }),
    el('span', { class: 'kap-span-dates', text: dates }),
    ...flags.map((t) => el('span', { class: 'kap-badge kap-badge-error', text: t })),
  );
  head.addEventListener('click', () => onSelect(s.sheet, s.cell));
  const card = el(
    'div',
    { class: `kap-span${over ? ' kap-span-over' : ''}` },
    head,
    loadBar(FEASIBILITY_WORDS.hours[lang], s.committedHours, s.availableHours, hoursLoad(s, lang), s.overHours),
    loadBar(FEASIBILITY_WORDS.budget[lang], s.committedCost, s.budget, moneyLoad(s, currency, lang), s.overBudget),
  );
  if (s.unreadable) card.appendChild(el('p', { class: 'kap-span-note', text: w('unreadable') }));
  if (s.commitments.length > 0) {
    const items = s.commitments.map((c) => el('li', {}, commitmentButton(c, commitmentLine(c, currency, lang), lang, onSelect)));
    const more = s.commitmentCount - s.commitments.length;
    if (more > 0) items.push(el('li', { class: 'kap-muted', text: fill(w('more'), { n: more }) }));
    card.appendChild(el('div', { class: 'kap-span-largest' }, el('span', { class: 'kap-label', text: w('largest') }), el('ul', { class: 'kap-span-commitments' }, ...items)));
  }
  return card;
}

/**
 * One load bar: the committed share of what is available, filled up to the
 * whole bar and marked past it. The figures are beside it as text, and the
 * meter's value text says them again for a screen reader.
 */
function loadBar(label: string, committed: number, available: number, figures: string, over: boolean): HTMLElement {
  const share = available > 0 ? committed / available : committed > 0 ? Infinity : 0;
  const percent = Number.isFinite(share) ? Math.round(share * 100) : undefined;
  const shown = Math.min(100, percent ?? 100);
  const bar = el(
    'div',
    {
      class: `kap-bar${over ? ' kap-bar-over' : ''}`,
      role: 'meter',
      'aria-label': label,
      'aria-valuemin': 0,
      'aria-valuemax': 100,
      'aria-valuenow': shown,
      'aria-valuetext': percent === undefined ? figures : `${figures} (${percent}%)`,
    },
    el('span', { class: 'kap-bar-fill' }),
  );
  // Set through the style object, which no content security policy of a host page blocks.
  (bar.firstChild as HTMLElement).style.width = `${shown}%`;
  return el(
    'div',
    { class: 'kap-load' },
    el('span', { class: 'kap-load-label', text: label }),
    bar,
    el('span', { class: `kap-load-figures${over ? ' kap-load-over' : ''}`, 'aria-hidden': 'true', text: percent === undefined ? figures : `${figures} · ${percent}%` }),
  );
}

function commitmentButton(c: { id: string; sheet: string; cell: string }, text: string, lang: Language, onSelect: SelectCell): HTMLElement {
  const button = el('button', { type: 'button', class: 'kap-link', 'aria-label': `${text}. ${WORDS.goTo[lang]} ${c.sheet}!${c.cell}`, text });
  button.addEventListener('click', () => onSelect(c.sheet, c.cell));
  return button;
}

function uncoveredBlock(f: FeasibilityView, lang: Language, onSelect: SelectCell): HTMLElement {
  const block = el('div', { class: 'kap-uncovered' }, el('h3', { text: `${FEASIBILITY_WORDS.uncovered[lang]} (${f.uncoveredCount})` }));
  const groups = el('ul', { class: 'kap-list' });
  for (const g of f.uncovered) groups.appendChild(el('li', {}, uncoveredGroup(g, f.currency, lang, onSelect)));
  block.appendChild(groups);
  return block;
}

function uncoveredGroup(g: UncoveredGroupView, currency: string, lang: Language, onSelect: SelectCell): HTMLElement {
  const team = g.team.trim();
  const why = UNCOVERED_WORDS[g.reason][lang];
  const items = g.commitments.map((c) => el('li', {}, commitmentButton(c, commitmentLine(c, currency, lang), lang, onSelect)));
  const more = g.commitmentCount - g.commitments.length;
  if (more > 0) items.push(el('li', { class: 'kap-muted', text: fill(WORDS.more[lang], { n: more }) }));
  return el(
    'div',
    { class: 'kap-uncovered-group' },
    el('span', { class: 'kap-span-team', text: team === '' ? why : team }),
    team === '' ? null : el('span', { class: 'kap-muted kap-uncovered-why', text: why }),
    el('ul', { class: 'kap-span-commitments' }, ...items),
  );
}
