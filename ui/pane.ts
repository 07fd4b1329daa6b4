// The task pane shared by Excel and Google Sheets: language, the actions (Approve
// for the selected commitment rows among them), the scorecard as gauges, findings
// by phase (each one a way to its cell), the unsupported commitments,
// feasibility per capacity span and the stakeholder map. It talks only to a PaneHost,
// speaks the user's language, and explains failures in plain words.

import type { Language } from '../core/contract';
import { PHASE_NAMES, SEVERITY_NAMES } from '../core/layout/review';
import { Band, scoreBand, scorecardBands } from '../core/score';
import { countsOf, ListPage, PAGE_SIZE } from '../core/pane-page';
import type { PaneCheckView, PaneCommitment, PaneFinding } from '../core/pane-view';
import { REASON_WORDS } from '../core/support';
import { approvalMessage, approveControl } from './approve';
import { fill } from '../core/finding';
import { el, svg } from './element';
import { feasibilitySection } from './feasibility';
import { nextStepsSection } from './next-steps';
import type { PaneHost } from './pane-host';
import { stakeholderMap } from './stakeholder-map';

export interface PaneOptions {
  hostName: 'excel' | 'sheets';
  /** Starting language; default from the browser (Spanish when it asks for Spanish). */
  language?: Language;
}

type Action = 'create' | 'check' | 'review' | 'copy';

/** How many items a "show more" button brings. */
const PAGE = PAGE_SIZE.more;

const WORDS = {
  title: { en: 'Key Account Plan', es: 'Plan de Cuenta Clave' },
  subtitle: { en: 'Knowledge → Vision → Commitment', es: 'Conocimiento → Visión → Compromiso' },
  language: { en: 'Language', es: 'Idioma' },
  actions: { en: 'Actions', es: 'Acciones' },
  create: { en: 'Create plan', es: 'Crear plan' },
  check: { en: 'Check plan', es: 'Revisar plan' },
  review: { en: 'Write review', es: 'Escribir revisión' },
  copy: { en: 'Prepare client copy', es: 'Preparar copia para el cliente' },
  createHint: { en: 'Adds the plan sheets that are missing', es: 'Agrega las hojas del plan que faltan' },
  checkHint: { en: 'Finds the gaps and scores the plan', es: 'Encuentra los vacíos y califica el plan' },
  reviewHint: { en: 'Writes the findings to the Review sheet', es: 'Escribe los hallazgos en la hoja Revisión' },
  copyHint: { en: 'Opens a copy with only what the client should see', es: 'Abre una copia solo con lo que el cliente debe ver' },
  busyCreate: { en: 'Adding the plan sheets…', es: 'Agregando las hojas del plan…' },
  busyCheck: { en: 'Checking the plan…', es: 'Revisando el plan…' },
  busyReview: { en: 'Writing the Review sheet…', es: 'Escribiendo la hoja Revisión…' },
  busyCopy: { en: 'Preparing the client copy…', es: 'Preparando la copia para el cliente…' },
  busyApprove: { en: 'Approving the selected commitments…', es: 'Aprobando los compromisos seleccionados…' },
  added: { en: 'Added:', es: 'Agregado:' },
  nothingMissing: { en: 'Nothing was missing: every plan sheet and column is there.', es: 'No faltaba nada: todas las hojas y columnas del plan están.' },
  reviewWritten: { en: 'Wrote the {sheet} sheet with {n} findings.', es: 'Se escribió la hoja {sheet} con {n} hallazgos.' },
  checked: { en: 'Overall readiness {score} of 100, {n} findings.', es: 'Preparación general {score} de 100, {n} hallazgos.' },
  scorecard: { en: 'Scorecard', es: 'Puntaje' },
  overall: { en: 'Overall', es: 'General' },
  findings: { en: 'Findings', es: 'Hallazgos' },
  noFindings: { en: 'No findings: the plan passes every rule.', es: 'Sin hallazgos: el plan cumple todas las reglas.' },
  fix: { en: 'Fix:', es: 'Cómo corregir:' },
  goTo: { en: 'Go to', es: 'Ir a' },
  pointsLost: { en: '−{n} pts', es: '−{n} pts' },
  unsupported: { en: 'Unsupported commitments', es: 'Compromisos sin respaldo' },
  allSupported: { en: 'Every commitment is supported.', es: 'Todos los compromisos tienen respaldo.' },
  noCommitments: { en: 'No commitments yet.', es: 'Aún no hay compromisos.' },
  asOf: { en: 'Checked as of {date}', es: 'Revisado al {date}' },
  start: {
    en: 'Create the plan sheets, fill them in, then check the plan to see its gaps and score.',
    es: 'Cree las hojas del plan, complételas y luego revise el plan para ver sus vacíos y su puntaje.',
  },
  red: { en: 'weak', es: 'débil' },
  amber: { en: 'fair', es: 'regular' },
  green: { en: 'strong', es: 'sólido' },
  of100: { en: 'of 100', es: 'de 100' },
  more: { en: 'Show {n} more ({shown} of {total} shown)', es: 'Mostrar {n} más (se muestran {shown} de {total})' },
  mapFirst: { en: 'The map shows the first {n} of {total} stakeholders.', es: 'El mapa muestra los primeros {n} de {total} actores.' },
} as const;

/** Plain-word explanations of failures, by the error code a host reports. Never the raw exception text. */
const FAILURES = {
  generic: {
    // Create builds each sheet under an unfinished name and only adds what is missing, so a run that stopped
    // part-way leaves every plan sheet whole or absent, and running it again finishes the job.
    create: {
      en: 'The plan sheets could not all be added. Those that are there are complete; a sheet marked "(unfinished)" was being built and is replaced when you run Create plan again, which adds what is still missing and never changes what is there.',
      es: 'No se pudieron agregar todas las hojas del plan. Las que están, están completas; una hoja marcada "(sin terminar)" se estaba creando y se reemplaza al ejecutar Crear plan de nuevo, que agrega lo que falta y nunca cambia lo que ya existe.',
    },
    check: { en: 'The plan could not be checked.', es: 'No se pudo revisar el plan.' },
    review: {
      en: 'The Review sheet could not be written; Write review again replaces it whole. Your plan sheets were not changed.',
      es: 'No se pudo escribir la hoja Revisión; Escribir revisión de nuevo la reemplaza completa. Sus hojas del plan no cambiaron.',
    },
    copy: { en: 'The client copy could not be prepared.', es: 'No se pudo preparar la copia para el cliente.' },
    // The three cells of each row go in one request; one that stops part-way is finished by approving again, which writes
    // the same cells. Excel before ExcelApi 1.9 cannot read a selection of several separate areas.
    approve: {
      en: 'The selected commitments could not be approved. Trying again is safe: Approve writes only their three approval cells, the same ones each time. If you selected separate blocks of rows, select one block at a time.',
      es: 'No se pudieron aprobar los compromisos seleccionados. Intentarlo de nuevo es seguro: Aprobar escribe solo sus tres celdas de aprobación, las mismas cada vez. Si seleccionó bloques de filas separados, seleccione un bloque a la vez.',
    },
    select: { en: 'That cell could not be selected.', es: 'No se pudo seleccionar esa celda.' },
  },
  advice: {
    ItemNotFound: {
      en: 'A sheet it needs was renamed or deleted. Check the plan again to refresh the list.',
      es: 'Una hoja que necesita fue renombrada o eliminada. Revise el plan de nuevo para actualizar la lista.',
    },
    AccessDenied: {
      en: 'The workbook is read-only or protected. Ask for edit access, unprotect it or save an editable copy, then try again.',
      es: 'El libro es de solo lectura o está protegido. Pida acceso de edición, desprotéjalo o guarde una copia editable e intente de nuevo.',
    },
    NotGoogleSheets: {
      en: 'This file is not a Google Sheets spreadsheet. Use File › Save as Google Sheets, then open Key Account Planner in the new copy.',
      es: 'Este archivo no es una hoja de cálculo de Google. Use Archivo › Guardar como Hojas de cálculo de Google y abra Key Account Planner en la copia nueva.',
    },
    RequestPayloadSizeLimitExceeded: {
      en: 'The plan is too large to send in one go. Remove empty rows far below the tables, then try again.',
      es: 'El plan es demasiado grande para enviarlo de una vez. Elimine filas vacías muy por debajo de las tablas e intente de nuevo.',
    },
    InvalidOperationInCellEditMode: {
      en: 'A cell is being edited. Press Enter or Esc in the sheet, then try again.',
      es: 'Se está editando una celda. Presione Enter o Esc en la hoja e intente de nuevo.',
    },
    other: {
      en: 'Make sure no cell is being edited and the workbook is not protected, then try again.',
      es: 'Asegúrese de que no se esté editando una celda y de que el libro no esté protegido, e intente de nuevo.',
    },
  },
} as const;

type AdviceCode = Exclude<keyof typeof FAILURES.advice, 'other'>;

/** The failure in plain words: what did not happen, and what to do about it. */
export function plainFailure(action: Action | 'approve' | 'select', error: unknown, lang: Language): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const known = typeof code === 'string' && code in FAILURES.advice ? (code as AdviceCode) : 'other';
  return `${FAILURES.generic[action][lang]} ${FAILURES.advice[known][lang]}`;
}


/** Mounts the pane into `root`; everything it shows comes from `host`. */
export function mountPane(root: HTMLElement, host: PaneHost, options: PaneOptions): void {
  let lang: Language = options.language ?? (typeof navigator !== 'undefined' && /^es\b/i.test(navigator.language) ? 'es' : 'en');
  let view: PaneCheckView | undefined;
  let busy = false;
  const w = (k: keyof typeof WORDS): string => WORDS[k][lang];

  root.classList.add('kap-pane', `kap-host-${options.hostName}`);
  const status = el('div', { class: 'kap-status', role: 'status', 'aria-live': 'polite' });
  const alert = el('div', { class: 'kap-alert', role: 'alert' });
  const results = el('div', { class: 'kap-results' });
  const picker = el('select', { id: 'kap-language', class: 'kap-select' }, el('option', { value: 'en', text: 'English' }), el('option', { value: 'es', text: 'Español' }));
  picker.value = lang;
  const buttons: Record<Action, HTMLButtonElement> = {
    create: el('button', { type: 'button', class: 'kap-button' }),
    check: el('button', { type: 'button', class: 'kap-button kap-primary' }),
    review: el('button', { type: 'button', class: 'kap-button' }),
    copy: el('button', { type: 'button', class: 'kap-button' }),
  };
  const approve = approveControl({
    language: () => lang,
    approve: (by) =>
      void run('approve', 'busyApprove', async () => {
        const said = approvalMessage(await host.approveCommitments(lang, by), lang);
        if ('alert' in said) {
          alert.replaceChildren(...said.alert.map((line) => el('p', { text: line })));
          return '';
        }
        // The pane shows the plan as it is now: approved commitments drop their not-approved reason.
        view = await host.checkPlan(lang);
        render();
        return said.status;
      }),
  });
  const title = el('h1', { class: 'kap-title' });
  const subtitle = el('p', { class: 'kap-subtitle' });
  const languageLabel = el('label', { for: 'kap-language', class: 'kap-label' });
  const actions = el('div', { class: 'kap-actions', role: 'group' }, buttons.check, buttons.create, buttons.review, buttons.copy, approve.button);
  root.replaceChildren(
    el('header', { class: 'kap-header' }, el('div', {}, title, subtitle), el('div', { class: 'kap-language' }, languageLabel, picker)),
    actions,
    approve.panel,
    status,
    alert,
    results,
  );

  const relabel = (): void => {
    document.documentElement.lang = lang;
    title.textContent = w('title');
    subtitle.textContent = w('subtitle');
    languageLabel.textContent = w('language');
    actions.setAttribute('aria-label', w('actions'));
    const hints: Record<Action, keyof typeof WORDS> = { create: 'createHint', check: 'checkHint', review: 'reviewHint', copy: 'copyHint' };
    for (const action of Object.keys(buttons) as Action[]) {
      buttons[action].textContent = w(action);
      buttons[action].title = w(hints[action]);
    }
    approve.relabel();
  };

  const setBusy = (on: boolean, message = ''): void => {
    busy = on;
    root.setAttribute('aria-busy', String(on));
    for (const b of Object.values(buttons)) b.disabled = on;
    approve.setDisabled(on);
    picker.disabled = on;
    if (on) status.textContent = message;
  };

  const run = async (action: Action | 'approve', busyWord: keyof typeof WORDS, work: () => Promise<string>): Promise<void> => {
    if (busy) return;
    alert.textContent = '';
    setBusy(true, w(busyWord));
    try {
      status.textContent = await work();
    } catch (error) {
      status.textContent = '';
      alert.textContent = plainFailure(action, error, lang);
    } finally {
      setBusy(false);
    }
  };

  const select = (sheet: string, cell: string): void => {
    alert.textContent = '';
    host.selectCell(sheet, cell).catch((error: unknown) => (alert.textContent = plainFailure('select', error, lang)));
  };

  const check = (): Promise<void> =>
    run('check', 'busyCheck', async () => {
      view = await host.checkPlan(lang);
      render();
      return fill(w('checked'), { score: view.scorecard.overall, n: countsOf(view).findings });
    });

  buttons.check.addEventListener('click', () => void check());
  buttons.create.addEventListener('click', () =>
    void run('create', 'busyCreate', async () => {
      const { added } = await host.createPlan(lang);
      return added.length === 0 ? w('nothingMissing') : `${w('added')} ${added.join(', ')}.`;
    }),
  );
  buttons.review.addEventListener('click', () =>
    void run('review', 'busyReview', async () => {
      const { sheet, findings } = await host.writeReview(lang);
      return fill(w('reviewWritten'), { sheet, n: findings });
    }),
  );
  buttons.copy.addEventListener('click', () => void run('copy', 'busyCopy', async () => (await host.prepareClientCopy(lang)).message));
  picker.addEventListener('change', () => {
    lang = picker.value === 'es' ? 'es' : 'en';
    relabel();
    // Findings are written in the language they were checked in: check again so they match the pane.
    if (view) void check();
    else render();
  });

  const render = (): void => {
    if (!view) {
      results.replaceChildren(el('p', { class: 'kap-muted kap-start', text: w('start') }));
      return;
    }
    const { stakeholders } = countsOf(view);
    const mapNote = stakeholders > view.stakeholders.length ? el('p', { class: 'kap-muted', text: fill(w('mapFirst'), { n: view.stakeholders.length, total: stakeholders }) }) : null;
    results.replaceChildren(nextStepsSection(view.actions, lang, select), scorecard(view), findingsSection(view), commitmentsSection(view), feasibilitySection(view.feasibility, lang, select), stakeholderMap(view.stakeholders, lang, (p) => select(p.sheet, p.cell)), ...(mapNote ? [mapNote] : []));
  };

  const gauge = (label: string, score: number, overall = false, band: Band = scoreBand(score)): HTMLElement => {
    const arc = 'M 8 44 A 36 36 0 0 1 80 44';
    const drawing = svg(
      'svg',
      { viewBox: '0 0 88 50', class: 'kap-gauge-arc', 'aria-hidden': 'true', focusable: 'false' },
      svg('path', { d: arc, class: 'kap-gauge-track', pathLength: 100 }),
      svg('path', { d: arc, class: `kap-gauge-value kap-band-${band}`, pathLength: 100, 'stroke-dasharray': `${Math.max(score, 0.5)} 100` }),
    );
    return el(
      'div',
      {
        class: `kap-gauge${overall ? ' kap-gauge-overall' : ''}`,
        role: 'meter',
        'aria-valuemin': 0,
        'aria-valuemax': 100,
        'aria-valuenow': score,
        'aria-label': label,
        'aria-valuetext': `${score} ${w('of100')}, ${w(band)}`,
      },
      drawing,
      el('div', { class: 'kap-gauge-score', text: String(score) }),
      el('div', { class: 'kap-gauge-label', text: label }),
      el('div', { class: `kap-gauge-band kap-band-text-${band}`, text: w(band) }),
    );
  };

  const scorecard = (v: PaneCheckView): HTMLElement =>
    el(
      'section',
      { class: 'kap-scorecard', 'aria-labelledby': 'kap-scorecard-title' },
      el('h2', { id: 'kap-scorecard-title', text: w('scorecard') }, el('span', { class: 'kap-asof', text: fill(w('asOf'), { date: v.asOf }) })),
      el(
        'div',
        { class: 'kap-gauges' },
        gauge(PHASE_NAMES.knowledge[lang], v.scorecard.knowledge),
        gauge(PHASE_NAMES.vision[lang], v.scorecard.vision),
        gauge(PHASE_NAMES.commitment[lang], v.scorecard.commitment),
        gauge(w('overall'), v.scorecard.overall, true, scorecardBands(v.scorecard).overall),
      ),
      el('p', { class: 'kap-explanation', text: v.scorecard.explanation }),
    );

  const findingButton = (f: PaneFinding): HTMLElement => {
    const place = `${f.sheet}!${f.cell}`;
    const button = el(
      'button',
      {
        type: 'button',
        class: `kap-finding kap-sev-${f.severity}`,
        'aria-label': `${SEVERITY_NAMES[f.severity][lang]}: ${f.message} ${w('fix')} ${f.fix} ${w('goTo')} ${place}`,
      },
      el('span', { class: 'kap-finding-head' }, el('span', { class: `kap-badge kap-badge-${f.severity}`, text: SEVERITY_NAMES[f.severity][lang] }), el('span', { class: 'kap-place', text: place }), f.points > 0 ? el('span', { class: 'kap-points', text: fill(w('pointsLost'), { n: f.points }) }) : null),
      el('span', { class: 'kap-message', text: f.message }),
      el('span', { class: 'kap-fix' }, el('strong', { text: w('fix') }), ` ${f.fix}`),
    );
    button.addEventListener('click', () => select(f.sheet, f.cell));
    return el('li', {}, button);
  };

  /**
   * A host that pages sends the first items of a long list: this button, under
   * the list, brings the next page and goes once the list is whole.
   */
  const moreButton = <T>(list: HTMLElement, total: number, load: ((offset: number) => Promise<ListPage<T>>) | undefined, item: (t: T) => HTMLElement): HTMLElement | null => {
    if (!load || list.children.length >= total) return null;
    const button = el('button', { type: 'button', class: 'kap-button kap-more' });
    const label = (): void => {
      const shown = list.children.length;
      button.textContent = fill(w('more'), { n: Math.min(PAGE, total - shown), shown, total });
    };
    label();
    button.addEventListener('click', () => {
      if (button.disabled) return;
      button.disabled = true;
      alert.textContent = '';
      load(list.children.length)
        .then((page) => {
          for (const t of page.items) list.appendChild(item(t));
          if (page.items.length === 0 || list.children.length >= page.total) button.remove();
          else label();
        })
        .catch((error: unknown) => (alert.textContent = plainFailure('check', error, lang)))
        .finally(() => (button.disabled = false));
    });
    return button;
  };

  const findingsSection = (v: PaneCheckView): HTMLElement => {
    const counts = countsOf(v);
    const section = el('section', { class: 'kap-findings', 'aria-labelledby': 'kap-findings-title' }, el('h2', { id: 'kap-findings-title', text: `${w('findings')} (${counts.findings})` }));
    if (counts.findings === 0) section.appendChild(el('p', { class: 'kap-muted', text: w('noFindings') }));
    for (const phase of ['structure', 'knowledge', 'vision', 'commitment'] as const) {
      const list = v.findings.filter((f) => f.phase === phase);
      const { total, errors } = counts.byPhase[phase];
      if (total === 0) continue;
      const items = el('ul', { class: 'kap-list', 'aria-label': PHASE_NAMES[phase][lang] }, ...list.map(findingButton));
      const more = moreButton(items, total, host.moreFindings && ((offset) => host.moreFindings!(lang, phase, offset)), findingButton);
      const group = el(
        'details',
        { class: 'kap-phase', open: true },
        el('summary', {}, el('span', { class: 'kap-phase-name', text: PHASE_NAMES[phase][lang] }), el('span', { class: `kap-count${errors > 0 ? ' kap-count-error' : ''}`, text: String(total) })),
        items,
        more,
      );
      section.appendChild(group);
    }
    return section;
  };

  const commitmentsSection = (v: PaneCheckView): HTMLElement => {
    const counts = countsOf(v);
    const unsupported = v.commitments.filter((c) => !c.supported);
    const section = el('section', { class: 'kap-commitments', 'aria-labelledby': 'kap-unsupported-title' }, el('h2', { id: 'kap-unsupported-title', text: `${w('unsupported')} (${counts.unsupported})` }));
    if (counts.commitments === 0) section.appendChild(el('p', { class: 'kap-muted', text: w('noCommitments') }));
    else if (counts.unsupported === 0) section.appendChild(el('p', { class: 'kap-muted', text: w('allSupported') }));
    const list = el('ul', { class: 'kap-list' });
    const commitmentItem = (c: PaneCommitment): HTMLElement => {
      const name = c.commitment ? `${c.id} “${c.commitment}”` : c.id;
      const reasons = c.reasons.map((r) => REASON_WORDS[r][lang]);
      const button = el(
        'button',
        { type: 'button', class: 'kap-commitment', 'aria-label': `${name}: ${reasons.join('; ')}. ${w('goTo')} ${c.sheet}!${c.cell}` },
        el('span', { class: 'kap-commitment-name', text: name }),
        // A button holds phrasing content only, so the reasons are spans laid out as lines.
        el('span', { class: 'kap-reasons' }, ...c.reasons.map((r) => el('span', { class: 'kap-reason' }, el('span', { class: 'kap-reason-code', text: r }), ` ${REASON_WORDS[r][lang]}`))),
      );
      button.addEventListener('click', () => select(c.sheet, c.cell));
      return el('li', {}, button);
    };
    for (const c of unsupported) list.appendChild(commitmentItem(c));
    section.appendChild(list);
    const more = moreButton(list, counts.unsupported, host.moreCommitments && ((offset) => host.moreCommitments!(lang, offset)), commitmentItem);
    if (more) section.appendChild(more);
    return section;
  };

  relabel();
  render();
}
