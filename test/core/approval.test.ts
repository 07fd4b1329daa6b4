// Approvals that record what was approved: the terms text, reading it back,
// and the check's judgement of an approval after the plan changed.
import { approvalCells, approvalCellsForSelection, formatTerms, parseTerms, Terms } from '../../core/approval';
import { checkPlan } from '../../core/check';
import { Language, LANGUAGES, listLabel } from '../../core/contract';
import { templateLayout } from '../../core/layout/template';
import { readPlan } from '../../core/read';
import { dayFromParts, formatDay } from '../../core/values';
import { AS_OF, basePlan, buildWorkbook, check, day, findingsOf, PlanData, verdictOf, withRow } from '../fixtures/plan-fixture';

const DUE = dayFromParts(2027, 6, 30);

/** basePlan's C1 (10,000 USD, 100 h, due 2027-06-30, Delivery) approved on its own terms. */
function approvedPlan(lang: Language): PlanData {
  const plan = basePlan(lang);
  const terms = formatTerms({ cost: 10000, currency: 'USD', effortHours: 100, due: DUE, team: 'Delivery' }, lang);
  return withRow(plan, 'commitments', 0, {
    needsApproval: listLabel('yesNo', 'yes', lang),
    approvedBy: 'Lucía Fernández',
    approvalDate: day('2027-02-01'),
    approvedTerms: terms,
  });
}

describe('the approved-terms text', () => {
  const terms: Terms = { cost: 12000, currency: 'USD', effortHours: 80, due: dayFromParts(2027, 3, 15), team: 'Field services' };

  it('reads as the issue shows it, in each language', () => {
    expect(formatTerms(terms, 'en')).toBe('12,000.00 USD · 80 h · due 2027-03-15 · Field services');
    expect(formatTerms(terms, 'es')).toBe('12.000,00 USD · 80 h · vence 2027-03-15 · Field services');
    expect(formatTerms({ currency: '', team: '' }, 'en')).toBe('no cost · no hours · no due date · no team');
    expect(formatTerms({ currency: '', team: '', cost: 1234567.891, effortHours: 12.5 }, 'es')).toBe('1.234.567,89 · 12,5 h · sin fecha límite · sin equipo');
  });

  it.each(LANGUAGES)('reads back what it writes (%s), and either language in any workbook', (lang) => {
    const samples: Terms[] = [
      terms,
      { currency: '', team: '' },
      { cost: 0.5, currency: 'EUR', effortHours: 1250.25, due: dayFromParts(2028, 2, 29), team: 'Data · science' },
      { cost: 999, currency: 'US$', team: 'Ops' },
    ];
    for (const t of samples) {
      const back = parseTerms(formatTerms(t, lang));
      expect(back).toEqual({ ...t, currency: t.cost === undefined ? '' : t.currency });
    }
  });

  it('takes a leading apostrophe as the hosts’ text mark, not part of the terms', () => {
    expect(parseTerms("'12,000.00 USD · 80 h · due 2027-03-15 · Field services")).toEqual(terms);
  });

  it('refuses text that is not terms', () => {
    for (const text of ['approved', '12,000 USD', '12,000 USD · 80 · due 2027-03-15 · Field', 'x · 80 h · due 2027-03-15 · Field', '12,000 · 80 h · due 2027-02-30 · Field', '1,2.000,00 · 8 h · no due date · T']) {
      expect(parseTerms(text)).toBeUndefined();
    }
  });
});

describe.each(LANGUAGES)('an approval checked later (%s plan)', (lang) => {
  it('holds while the terms are the ones approved: no finding, supported', () => {
    const result = check(approvedPlan(lang), { lang });
    expect(result.findings).toEqual([]);
    expect(verdictOf(result, 'C1')).toEqual({ supported: true, reasons: [] });
  });

  const changes: [string, Record<string, unknown>, string, { en: string; es: string }][] = [
    ['cost', { cost: 15000 }, 'J2', { en: 'approved at 10,000 USD, now 15,000 USD', es: 'aprobado en 10.000 USD, ahora 15.000 USD' }],
    ['effort', { effortHours: 120 }, 'I2', { en: 'approved at 100 h, now 120 h', es: 'aprobado con 100 h, ahora 120 h' }],
    ['due date', { due: day('2027-07-31') }, 'G2', { en: 'approved due 2027-06-30, now due 2027-07-31', es: 'aprobado con vencimiento 2027-06-30, ahora 2027-07-31' }],
    ['team', { team: 'Field' }, 'H2', { en: 'approved for team Delivery, now Field', es: 'aprobado para el equipo Delivery, ahora Field' }],
  ];

  it.each(changes)('changed in its %s after approval, it is approval-stale and not-approved', (_part, change, cell, words) => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, change);
    if ('team' in change) plan.rows.capacity!.push({ team: 'Field', start: day('2027-01-01'), end: day('2027-12-31'), availableHours: 200, budget: 20000 });
    const result = check(plan, { lang });
    const stale = findingsOf(result, 'approval-stale');
    expect(stale).toHaveLength(1);
    expect(stale[0]).toMatchObject({ severity: 'error', phase: 'commitment', sheet: lang === 'es' ? 'Compromisos' : 'Commitments', cell });
    expect(stale[0].message).toContain(words[lang]);
    expect(stale[0].message).toContain('C1 "Install sensors"');
    expect(stale[0].message).toContain('Lucía Fernández');
    expect(verdictOf(result, 'C1')).toEqual({ supported: false, reasons: ['not-approved'] });
    // Its next step names the commitment and what changed, like every other step.
    const step = result.actions.find((a) => a.rule === 'approval-stale')!;
    expect(step.message).toContain('C1 "Install sensors"');
    expect(step.message).toContain(words[lang]);
    // Messages follow the reader's language, whatever the workbook's.
    const other: Language = lang === 'en' ? 'es' : 'en';
    expect(findingsOf(check(plan, { lang, language: other }), 'approval-stale')[0].message).toContain(words[other]);
  });

  it('names every part that changed, and a change of the plan currency is a change of price', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { cost: 11000, effortHours: 90 });
    const [f] = findingsOf(check(plan, { lang, language: 'en' }), 'approval-stale');
    expect(f.message).toContain('approved at 10,000 USD, now 11,000 USD; approved at 100 h, now 90 h');
    const euros = approvedPlan(lang);
    euros.plan.currency = 'EUR';
    expect(findingsOf(check(euros, { lang, language: 'en' }), 'approval-stale')[0].message).toContain('approved at 10,000 USD, now 10,000 EUR');
  });

  it('ignores what the terms do not cover, and case or spaces in the team', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { commitment: 'Install sensors on stand 5', owner: 'Ana', team: '  delivery ' });
    expect(findingsOf(check(plan, { lang }), 'approval-stale')).toEqual([]);
  });

  it('is stale even when Needs approval was set to No afterwards: the record says what was approved', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { cost: 15000, needsApproval: listLabel('yesNo', 'no', lang) });
    const result = check(plan, { lang });
    expect(findingsOf(result, 'approval-stale')).toHaveLength(1);
    expect(verdictOf(result, 'C1').reasons).toEqual(['not-approved']);
  });

  it('stays quiet about a part whose cell cannot be read (the reader already says so)', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { cost: 'a lot' });
    const result = check(plan, { lang });
    expect(findingsOf(result, 'not-a-number')).toHaveLength(1);
    expect(findingsOf(result, 'approval-stale')).toEqual([]);
  });

  it('a cancelled commitment raises nothing about its approval', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { cost: 15000, status: listLabel('commitmentStatus', 'cancelled', lang) });
    expect(findingsOf(check(plan, { lang }), 'approval-stale')).toEqual([]);
  });

  it('an approval written by hand without terms is accepted and noted (info), and stays supported', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { approvedTerms: null, approvalDate: null });
    const result = check(plan, { lang });
    const notes = findingsOf(result, 'approval-without-terms');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ severity: 'info', cell: 'L2' });
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(verdictOf(result, 'C1')).toEqual({ supported: true, reasons: [] });
  });

  it('terms that cannot be read are an error and approve nothing', () => {
    const plan = withRow(approvedPlan(lang), 'commitments', 0, { approvedTerms: 'OK by phone' });
    const result = check(plan, { lang });
    expect(findingsOf(result, 'approval-terms-unreadable')).toMatchObject([{ severity: 'error', cell: 'P2' }]);
    expect(findingsOf(result, 'approval-terms-unreadable')[0].message).toContain('OK by phone');
    expect(verdictOf(result, 'C1').reasons).toEqual(['not-approved']);
  });

  it('a workbook made before the approval columns keeps working: no missing-column, hand approvals noted', () => {
    const plan = withRow(basePlan(lang), 'commitments', 0, { needsApproval: listLabel('yesNo', 'yes', lang), approvedBy: 'Lucía Fernández' });
    const result = check(plan, { lang, omitColumns: { commitments: ['approvalDate', 'approvedTerms'] } });
    expect(findingsOf(result, 'missing-column')).toEqual([]);
    expect(result.findings.map((f) => f.rule)).toEqual(['approval-without-terms']);
    expect(verdictOf(result, 'C1').supported).toBe(true);
  });
});

describe.each(LANGUAGES)('the cells Approve writes (%s plan)', (lang) => {
  const on = dayFromParts(2027, 3, 1);
  const read = (data: PlanData, omit: string[] = []) => readPlan(buildWorkbook(data, { lang, omitColumns: { commitments: omit } }));

  /** basePlan with C2 (the client's) made joint, so both may be approved. */
  const jointC2 = (): PlanData => withRow(basePlan(lang), 'commitments', 1, { side: listLabel('side', 'joint', lang) });

  it('writes Approved by, Approval date and Approved terms of each row, and nothing else', () => {
    const { plan } = read(jointC2());
    const result = approvalCells(plan, { ids: ['c1', 'C2 '], by: ' Lucía Fernández ', on }, 'en');
    expect(result).toEqual({
      ok: true,
      cells: [
        { sheet: plan.sheets.commitments!.name, row: 2, column: 12, cell: 'L2', value: 'Lucía Fernández' },
        { sheet: plan.sheets.commitments!.name, row: 2, column: 15, cell: 'O2', value: { date: on } },
        { sheet: plan.sheets.commitments!.name, row: 2, column: 16, cell: 'P2', value: formatTerms({ cost: 10000, currency: 'USD', effortHours: 100, due: DUE, team: 'Delivery' }, lang) },
        { sheet: plan.sheets.commitments!.name, row: 3, column: 12, cell: 'L3', value: 'Lucía Fernández' },
        { sheet: plan.sheets.commitments!.name, row: 3, column: 15, cell: 'O3', value: { date: on } },
        { sheet: plan.sheets.commitments!.name, row: 3, column: 16, cell: 'P3', value: formatTerms({ currency: 'USD', due: dayFromParts(2027, 5, 31), team: '' }, lang) },
      ],
      approved: [
        { id: 'C1', terms: expect.stringContaining('100 h') },
        { id: 'C2', terms: expect.stringContaining(lang === 'es' ? 'sin costo' : 'no cost') },
      ],
    });
  });

  it('what it writes is an approval the check says holds', () => {
    const data = basePlan(lang);
    const { plan } = read(data);
    const result = approvalCells(plan, { ids: ['C1'], by: 'Lucía Fernández', on }, lang);
    if (!result.ok) throw new Error(result.problems.join('; '));
    const terms = result.cells.find((c) => c.cell === 'P2')!.value as string;
    const approved = withRow(data, 'commitments', 0, { approvedBy: 'Lucía Fernández', approvalDate: day(formatDay(on)), approvedTerms: terms });
    const checked = checkPlan(buildWorkbook(approved, { lang }), { asOf: AS_OF });
    expect(checked.findings).toEqual([]);
  });

  it('refuses, changing nothing, with every problem named', () => {
    const data = withRow(basePlan(lang), 'commitments', 1, { status: listLabel('commitmentStatus', 'cancelled', lang) });
    const { plan } = read(data);
    const result = approvalCells(plan, { ids: ['C9', 'C2'], by: '  ', on }, 'en');
    expect(result).toEqual({
      ok: false,
      problems: ['the approver’s name is blank', `no commitment has ID C9 on ${plan.sheets.commitments!.name}`, 'commitment C2 is cancelled: there is nothing to approve'],
    });
  });

  it('refuses a commitment whose cost cannot be read, and a sheet without the approval columns', () => {
    const bad = read(withRow(basePlan(lang), 'commitments', 0, { cost: '#REF!' }));
    const r1 = approvalCells(bad.plan, { ids: ['C1'], by: 'Ana', on }, 'en');
    expect(r1).toEqual({ ok: false, problems: [`commitment C1: ${lang === 'es' ? 'Costo' : 'Cost'} (J2) cannot be read, so its terms are not known: correct it first`] });
    const old = read(basePlan(lang), ['approvalDate', 'approvedTerms']);
    const r2 = approvalCells(old.plan, { ids: ['C1'], by: 'Ana', on }, lang);
    expect(r2.ok).toBe(false);
    expect(!r2.ok && r2.problems[0]).toContain(lang === 'es' ? 'Fecha de aprobación, Términos aprobados' : 'Approval date, Approved terms');
  });

  it('refuses a commitment of the client’s side: the client agrees to it, our organisation does not approve it', () => {
    const { plan } = read(withRow(basePlan(lang), 'commitments', 0, { side: listLabel('side', 'client', lang) }));
    expect(approvalCells(plan, { ids: ['C1'], by: 'Ana', on }, 'en')).toEqual({
      ok: false,
      problems: ['commitment C1 is the client’s (D2): the client agrees to it (Client agreed), it is not approved internally'],
    });
    // A joint commitment uses our capacity and our price: it is approved like ours.
    const joint = read(withRow(basePlan(lang), 'commitments', 0, { side: listLabel('side', 'joint', lang) }));
    expect(approvalCells(joint.plan, { ids: ['C1'], by: 'Ana', on }, 'en').ok).toBe(true);
  });

  it('names how this front end adds missing columns', () => {
    const old = read(basePlan(lang), ['approvalDate', 'approvedTerms']);
    const r = approvalCells(old.plan, { ids: ['C1'], by: 'Ana', on, addColumnsWith: 'kap new plan.xlsx' }, 'en');
    expect(!r.ok && r.problems[0]).toMatch(/: run kap new plan\.xlsx to add it \(nothing else changes\), then approve$/);
    expect(!approvalCells(old.plan, { ids: ['C1'], by: 'Ana', on }, 'es').ok && approvalCells(old.plan, { ids: ['C1'], by: 'Ana', on }, 'es')).toMatchObject({ problems: [expect.stringContaining('ejecute Crear plan')] });
  });

  it('in a pane, approves the commitments on the selected rows, passing over the header and blank rows', () => {
    const { plan } = read(jointC2());
    const sheet = plan.sheets.commitments!.name;
    const byRows = approvalCellsForSelection(plan, [{ sheet, top: 1, bottom: 3 }, { sheet, top: 40, bottom: 50 }], { by: 'Ana', on }, 'en');
    expect(byRows).toEqual(approvalCells(plan, { ids: ['C1', 'C2'], by: 'Ana', on }, 'en'));
  });

  it('in a pane, says what to select when the selection is elsewhere or holds no commitment', () => {
    const { plan } = read(basePlan(lang));
    const sheet = plan.sheets.commitments!.name;
    const problems = (selection: { sheet: string; top: number; bottom: number }[]) => {
      const r = approvalCellsForSelection(plan, selection, { by: 'Ana', on }, 'en');
      return r.ok ? [] : r.problems;
    };
    expect(problems([])).toEqual([`nothing is selected: select the rows of the commitments to approve on ${sheet}, then Approve`]);
    expect(problems([{ sheet: 'Capacity', top: 2, bottom: 2 }])).toEqual([`the selection is on Capacity, not on ${sheet}: select the rows of the commitments to approve there, then Approve`]);
    expect(problems([{ sheet, top: 1, bottom: 1 }, { sheet, top: 30, bottom: 31 }])).toEqual([`the selected rows (1, 30–31) of ${sheet} hold no commitment: select the rows of the commitments to approve, then Approve`]);
    const noId = read(withRow(basePlan(lang), 'commitments', 1, { id: null })).plan;
    const r = approvalCellsForSelection(noId, [{ sheet, top: 2, bottom: 3 }], { by: 'Ana', on }, 'en');
    expect(r).toEqual({ ok: false, problems: [`the commitment on row 3 of ${sheet} has no ID (A3): give it one, then approve`] });
  });

  it('refuses an ID that is on two rows', () => {
    const data = withRow(basePlan(lang), 'commitments', 1, { id: 'C1' });
    const { plan } = read(data);
    const result = approvalCells(plan, { ids: ['C1'], by: 'Ana', on }, 'en');
    expect(result).toEqual({ ok: false, problems: [`ID C1 is on more than one row of ${plan.sheets.commitments!.name} (A2, A3): make IDs unique first`] });
  });
});

describe.each(LANGUAGES)('Create plan on a workbook made before the approval columns (%s)', (lang) => {
  it('adds Approval date and Approved terms to the Commitments sheet, right of its last header, and nothing else', () => {
    const old = buildWorkbook(basePlan(lang), { lang, omitColumns: { commitments: ['approvalDate', 'approvedTerms'] } });
    const layout = templateLayout(old, 'en');
    expect(layout.sheets.map((s) => s.key)).toEqual(['commitments']);
    const [sheet] = layout.sheets;
    expect(sheet.isNew).toBe(false);
    expect(sheet.blocks).toEqual([{ row: 1, column: 15, values: [[lang === 'es' ? 'Fecha de aprobación' : 'Approval date', lang === 'es' ? 'Términos aprobados' : 'Approved terms']] }]);
    expect(sheet.formats[0]).toMatchObject({ column: 15, numberFormat: 'yyyy-mm-dd' });
    // Once added, there is nothing more to add.
    expect(templateLayout(buildWorkbook(basePlan(lang), { lang }), 'en').sheets).toEqual([]);
  });
});
