// The stakeholder map: who at the client matters (influence) and where they
// stand (attitude), drawn from the Stakeholders sheet as a grid of names, so a
// KAM sees at a glance whether the powerful people are supporters or skeptics.

import type { Language } from '../core/contract';
import type { PaneStakeholder } from '../core/pane-view';
import { el } from './element';

const INFLUENCE = ['high', 'medium', 'low'] as const;
const ATTITUDE = ['supporter', 'neutral', 'skeptic', 'opponent'] as const;

const WORDS = {
  title: { en: 'Stakeholder map', es: 'Mapa de actores' },
  influence: { en: 'Influence', es: 'Influencia' },
  attitude: { en: 'Attitude', es: 'Actitud' },
  high: { en: 'High', es: 'Alta' },
  medium: { en: 'Medium', es: 'Media' },
  low: { en: 'Low', es: 'Baja' },
  supporter: { en: 'Supporter', es: 'Partidario' },
  neutral: { en: 'Neutral', es: 'Neutral' },
  skeptic: { en: 'Skeptic', es: 'Escéptico' },
  opponent: { en: 'Opponent', es: 'Opositor' },
  unplaced: { en: 'Not on the map (attitude or influence missing):', es: 'Fuera del mapa (falta actitud o influencia):' },
  empty: { en: 'No stakeholders on the Stakeholders sheet yet.', es: 'Aún no hay actores en la hoja Actores.' },
  goTo: { en: 'Go to', es: 'Ir a' },
} as const;

const ROLE_SHORT: Record<string, { en: string; es: string }> = {
  decisionMaker: { en: 'Decision maker', es: 'Decisor' },
  financialApprover: { en: 'Financial approver', es: 'Aprobador financiero' },
  technicalEvaluator: { en: 'Technical evaluator', es: 'Evaluador técnico' },
  user: { en: 'User', es: 'Usuario' },
  influencer: { en: 'Influencer', es: 'Influenciador' },
  coach: { en: 'Coach', es: 'Aliado interno' },
};

/** The map as a table: influence rows (high first) by attitude columns; every name selects its row in the sheet. */
export function stakeholderMap(people: readonly PaneStakeholder[], lang: Language, onSelect: (person: PaneStakeholder) => void): HTMLElement {
  const w = (k: keyof typeof WORDS): string => WORDS[k][lang];
  const section = el('section', { class: 'kap-map', 'aria-labelledby': 'kap-map-title' }, el('h2', { id: 'kap-map-title', text: w('title') }));
  if (people.length === 0) {
    section.appendChild(el('p', { class: 'kap-muted', text: w('empty') }));
    return section;
  }
  const person = (p: PaneStakeholder): HTMLElement => {
    const role = p.role ? ROLE_SHORT[p.role]?.[lang] : undefined;
    const label = [p.name || p.id, p.title, role].filter(Boolean).join(', ');
    const button = el('button', { type: 'button', class: 'kap-person', title: label, 'aria-label': `${w('goTo')} ${label}`, text: p.name || p.id });
    if (p.role === 'decisionMaker' || p.role === 'financialApprover') button.classList.add('kap-person-key');
    button.addEventListener('click', () => onSelect(p));
    return button;
  };
  const table = el(
    'table',
    { class: 'kap-map-grid' },
    el('caption', { class: 'kap-visually-hidden', text: `${w('title')}: ${w('influence')} × ${w('attitude')}` }),
    el(
      'thead',
      {},
      el('tr', {}, el('th', { scope: 'col', class: 'kap-map-corner', text: `${w('influence')} ↓ ${w('attitude')} →` }), ...ATTITUDE.map((a) => el('th', { scope: 'col', class: `kap-att-${a}`, text: w(a) }))),
    ),
    el(
      'tbody',
      {},
      ...INFLUENCE.map((i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: w(i) }),
          ...ATTITUDE.map((a) => el('td', { class: `kap-att-${a}` }, ...people.filter((p) => p.influence === i && p.attitude === a).map(person))),
        ),
      ),
    ),
  );
  section.appendChild(table);
  const unplaced = people.filter((p) => !INFLUENCE.some((i) => i === p.influence) || !ATTITUDE.some((a) => a === p.attitude));
  if (unplaced.length > 0) section.appendChild(el('p', { class: 'kap-unplaced' }, el('span', { class: 'kap-muted', text: w('unplaced') }), ' ', ...unplaced.map(person)));
  return section;
}
