// The stakeholder map: who at the client matters (influence) and where they
// stand (attitude), drawn from the Stakeholders sheet as a grid of names, so a
// KAM sees at a glance whether the powerful people are supporters or skeptics.

import { Language, listLabel, LISTS } from '../core/contract';
import type { PaneStakeholder } from '../core/pane-view';
import { el } from './element';

const INFLUENCE = ['high', 'medium', 'low'] as const;
const ATTITUDE = ['supporter', 'neutral', 'skeptic', 'opponent'] as const;

const WORDS = {
  title: { en: 'Stakeholder map', es: 'Mapa de actores' },
  influence: { en: 'Influence', es: 'Influencia' },
  attitude: { en: 'Attitude', es: 'Actitud' },
  unplaced: { en: 'Not on the map (attitude or influence missing):', es: 'Fuera del mapa (falta actitud o influencia):' },
  empty: { en: 'No stakeholders on the Stakeholders sheet yet.', es: 'Aún no hay actores en la hoja Actores.' },
  goTo: { en: 'Go to', es: 'Ir a' },
  key: { en: 'Marked edge: decision maker or financial approver.', es: 'Borde marcado: decisor o aprobador financiero.' },
} as const;

/** The map as a table: influence rows (high first) by attitude columns; every name selects its row in the sheet. */
export function stakeholderMap(people: readonly PaneStakeholder[], lang: Language, onSelect: (person: PaneStakeholder) => void): HTMLElement {
  const w = (k: keyof typeof WORDS): string => WORDS[k][lang];
  const section = el('section', { class: 'kap-map', 'aria-labelledby': 'kap-map-title' }, el('h2', { id: 'kap-map-title', text: w('title') }));
  if (people.length === 0) {
    section.appendChild(el('p', { class: 'kap-muted', text: w('empty') }));
    return section;
  }
  const person = (p: PaneStakeholder): HTMLElement => {
    const role = p.role ? LISTS.role.find((r) => r.key === p.role)?.[lang] : undefined;
    const label = [p.name || p.id, p.title, role].filter(Boolean).join(', ');
    const button = el('button', { type: 'button', class: 'kap-person', title: label, 'aria-label': `${w('goTo')} ${label}`, text: p.name || p.id });
    if (p.role === 'decisionMaker' || p.role === 'financialApprover') button.classList.add('kap-person-key');
    button.addEventListener('click', () => onSelect(p));
    return button;
  };
  // One band per attitude, its name above its three influence cells: the whole width is left for names at 300 px.
  const id = (axis: string, key: string): string => `kap-map-${axis}-${key}`;
  const table = el(
    'table',
    { class: 'kap-map-grid' },
    el('caption', { class: 'kap-visually-hidden', text: `${w('title')}: ${w('attitude')} × ${w('influence')}` }),
    el('thead', {}, el('tr', {}, ...INFLUENCE.map((i) => el('th', { scope: 'col', id: id('influence', i), text: `${listLabel('level', i, lang)} ${w('influence').toLowerCase()}` })))),
    ...ATTITUDE.map((a) =>
      el(
        'tbody',
        { class: `kap-att-${a}` },
        el('tr', {}, el('th', { scope: 'rowgroup', colspan: INFLUENCE.length, id: id('attitude', a), text: listLabel('attitude', a, lang) })),
        el(
          'tr',
          {},
          ...INFLUENCE.map((i) =>
            el('td', { headers: `${id('attitude', a)} ${id('influence', i)}` }, ...people.filter((p) => p.influence === i && p.attitude === a).map(person)),
          ),
        ),
      ),
    ),
  );
  section.appendChild(table);
  section.appendChild(el('p', { class: 'kap-map-legend' }, el('span', { class: 'kap-person kap-person-key kap-legend-swatch', 'aria-hidden': 'true' }), w('key')));
  const unplaced = people.filter((p) => !INFLUENCE.some((i) => i === p.influence) || !ATTITUDE.some((a) => a === p.attitude));
  if (unplaced.length > 0) section.appendChild(el('p', { class: 'kap-unplaced' }, el('span', { class: 'kap-muted', text: w('unplaced') }), ' ', ...unplaced.map(person)));
  return section;
}
