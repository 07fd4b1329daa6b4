// Approve in the pane: approves the commitments on the rows selected in the
// Commitments sheet. It asks the reviewer's name once (kept for the session, in
// this pane), shows who is approving with a way to change it, and hands the
// name to the host, whose core decides the three cells per row.

import type { ApprovalOutcome } from '../core/approval';
import type { Language } from '../core/contract';
import { el } from './element';

const WORDS = {
  approve: { en: 'Approve selected', es: 'Aprobar selección' },
  hint: {
    en: 'Approves the commitments on the rows selected in the Commitments sheet, recording your name, today and their terms',
    es: 'Aprueba los compromisos de las filas seleccionadas en la hoja Compromisos, con su nombre, la fecha de hoy y sus términos',
  },
  nameLabel: { en: 'Your name, recorded as Approved by', es: 'Su nombre, que queda en Aprobado por' },
  nameHelp: {
    en: 'Asked once: the pane remembers it until you close it. Select the commitment rows first.',
    es: 'Se pide una vez: el panel lo recuerda hasta que lo cierre. Seleccione antes las filas de los compromisos.',
  },
  confirm: { en: 'Approve', es: 'Aprobar' },
  cancel: { en: 'Cancel', es: 'Cancelar' },
  nameNeeded: { en: 'Write your name to approve.', es: 'Escriba su nombre para aprobar.' },
  as: { en: 'Approving as {name}', es: 'Aprueba: {name}' },
  change: { en: 'Change name', es: 'Cambiar nombre' },
  approved: { en: 'Approved by {by} on {on}: {list}.', es: 'Aprobado por {by} el {on}: {list}.' },
  notApproved: { en: 'Nothing was approved and no cell changed:', es: 'No se aprobó nada y ninguna celda cambió:' },
} as const;

type Word = keyof typeof WORDS;

/** Where the name is kept between uses of the pane in this browser session. */
const NAME_KEY = 'kap-approver-name';

export interface ApproveControlOptions {
  language: () => Language;
  /** Runs the approval as the pane runs every action (busy state, failures in plain words). */
  approve: (by: string) => void;
}

export interface ApproveControl {
  /** The action button, placed with the pane's other actions. */
  button: HTMLButtonElement;
  /** The name form and the "approving as" line, placed under the actions. */
  panel: HTMLElement;
  relabel(): void;
  setDisabled(on: boolean): void;
}

function storedName(): string {
  try {
    return globalThis.sessionStorage?.getItem(NAME_KEY) ?? '';
  } catch {
    // Storage may be blocked in an add-in's frame: the name is then kept for as long as the pane is open.
    return '';
  }
}

function storeName(name: string): void {
  try {
    globalThis.sessionStorage?.setItem(NAME_KEY, name);
  } catch {
    // See storedName.
  }
}

/** The Approve button and its name form. */
export function approveControl(options: ApproveControlOptions): ApproveControl {
  const w = (k: Word): string => WORDS[k][options.language()];
  let name = storedName();
  const button = el('button', { type: 'button', class: 'kap-button', 'aria-controls': 'kap-approve-panel' });
  const input = el('input', { id: 'kap-approver', class: 'kap-input', type: 'text', autocomplete: 'name', maxlength: 120, 'aria-describedby': 'kap-approver-help' });
  const label = el('label', { for: 'kap-approver', class: 'kap-label' });
  const help = el('p', { id: 'kap-approver-help', class: 'kap-muted kap-help' });
  const problem = el('p', { class: 'kap-field-problem', role: 'alert' });
  const confirm = el('button', { type: 'submit', class: 'kap-button kap-primary' });
  const cancel = el('button', { type: 'button', class: 'kap-button' });
  const form = el('form', { class: 'kap-approve-form', hidden: true }, label, input, help, problem, el('div', { class: 'kap-form-buttons' }, confirm, cancel));
  const who = el('span', { class: 'kap-approver' });
  const change = el('button', { type: 'button', class: 'kap-link' });
  const as = el('p', { class: 'kap-approving-as', hidden: true }, who, ' ', change);
  const panel = el('div', { id: 'kap-approve-panel', class: 'kap-approve' }, form, as);

  const showName = (): void => {
    as.hidden = name === '';
    who.textContent = w('as').replace('{name}', name);
  };
  const openForm = (): void => {
    form.hidden = false;
    as.hidden = true;
    input.value = name;
    problem.textContent = '';
    input.focus();
  };
  const closeForm = (): void => {
    form.hidden = true;
    showName();
  };

  button.addEventListener('click', () => {
    if (name === '') openForm();
    else options.approve(name);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const typed = input.value.trim();
    if (typed === '') {
      problem.textContent = w('nameNeeded');
      input.focus();
      return;
    }
    name = typed;
    storeName(name);
    closeForm();
    options.approve(name);
  });
  cancel.addEventListener('click', () => {
    closeForm();
    button.focus();
  });
  change.addEventListener('click', openForm);

  const relabel = (): void => {
    button.textContent = w('approve');
    button.title = w('hint');
    label.textContent = w('nameLabel');
    help.textContent = w('nameHelp');
    confirm.textContent = w('confirm');
    cancel.textContent = w('cancel');
    change.textContent = w('change');
    if (problem.textContent) problem.textContent = w('nameNeeded');
    showName();
  };
  relabel();
  return {
    button,
    panel,
    relabel,
    setDisabled: (on) => {
      for (const b of [button, confirm, change]) b.disabled = on;
    },
  };
}

/** What the pane says after Approve: who approved which commitments on what terms, or why nothing was approved. */
export function approvalMessage(outcome: ApprovalOutcome, lang: Language): { status: string } | { alert: string[] } {
  if (!outcome.ok) return { alert: [WORDS.notApproved[lang], ...outcome.problems.map(sentence)] };
  const list = outcome.approved.map((a) => `${a.id} (${a.terms})`).join('; ');
  return { status: WORDS.approved[lang].replace('{by}', outcome.by).replace('{on}', outcome.on).replace('{list}', list) };
}

/** The core's problems are clauses ("no commitment has ID C9 on Commitments"): shown as sentences. */
function sentence(text: string): string {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}
