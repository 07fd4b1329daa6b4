// The next steps at the top of the pane's results: the few actions that raise
// overall readiness most (computed by the core, core/next-steps.ts), best
// first, each with the points it gains and a way to its cell.

import type { Language } from '../core/contract';
import type { NextStep } from '../core/next-steps';
import { ruleTitle } from '../core/rules/titles';
import { el } from './element';

const WORDS = {
  title: { en: 'Next steps', es: 'Próximos pasos' },
  subtitle: { en: 'What raises overall readiness most, best first', es: 'Lo que más sube la preparación general, lo mejor primero' },
  none: { en: 'Nothing left to raise: the plan meets every criterion.', es: 'Nada que subir: el plan cumple todos los criterios.' },
  gain: { en: '+{n} pts', es: '+{n} pts' },
  gainLong: { en: 'raises overall readiness by {n} points', es: 'sube la preparación general {n} puntos' },
  goTo: { en: 'Go to', es: 'Ir a' },
} as const;

/** Points to one decimal with the language's decimal mark (2.5 / 2,5). */
function points(n: number, lang: Language): string {
  const text = String(Math.round(n * 10) / 10);
  return lang === 'es' ? text.replace('.', ',') : text;
}

/** The next-steps section; a click on a step selects its cell. */
export function nextStepsSection(steps: readonly NextStep[], lang: Language, onSelect: (sheet: string, cell: string) => void): HTMLElement {
  const w = (k: keyof typeof WORDS, n?: number): string => WORDS[k][lang].replace('{n}', n === undefined ? '' : points(n, lang));
  const section = el(
    'section',
    { class: 'kap-next-steps', 'aria-labelledby': 'kap-next-steps-title' },
    el('h2', { id: 'kap-next-steps-title', text: w('title') }),
    el('p', { class: 'kap-muted kap-section-note', text: w('subtitle') }),
  );
  if (steps.length === 0) {
    section.appendChild(el('p', { class: 'kap-muted', text: w('none') }));
    return section;
  }
  const list = el('ol', { class: 'kap-list kap-steps' });
  steps.forEach((s, i) => {
    const place = `${s.sheet}!${s.cell}`;
    const button = el(
      'button',
      { type: 'button', class: 'kap-step', 'aria-label': `${i + 1}. ${s.message}: ${w('gainLong', s.gain)}. ${w('goTo')} ${place}` },
      el('span', { class: 'kap-step-rank', text: String(i + 1) }),
      el(
        'span',
        { class: 'kap-step-body' },
        el('span', { class: 'kap-step-message', text: s.message }),
        el('span', { class: 'kap-finding-head' }, el('span', { class: 'kap-step-rule', text: ruleTitle(s.rule, lang) }), el('span', { class: 'kap-place', text: place })),
      ),
      el('span', { class: 'kap-step-gain', text: w('gain', s.gain) }),
    );
    button.addEventListener('click', () => onSelect(s.sheet, s.cell));
    list.appendChild(el('li', {}, button));
  });
  section.appendChild(list);
  return section;
}
