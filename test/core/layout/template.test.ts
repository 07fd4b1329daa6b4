import { PLAN_SHEET, TABLE_SHEETS, tableSheet } from '../../../core/contract';
import { capacityFormula, sheetReference, templateLayout, CAPACITY_FORMULA_ROWS } from '../../../core/layout/template';
import { hostValue, isFormula } from '../../../core/layout/cells';
import { WorkbookInput } from '../../../core/read';

const empty: WorkbookInput = { sheets: [] };

describe('the plan template', () => {
  it('lays out every contract sheet, in order, on an empty workbook', () => {
    const layout = templateLayout(empty, 'en');
    expect(layout.sheets.map((s) => s.name)).toEqual(['Plan', 'Knowledge', 'Learning plan', 'Stakeholders', 'Vision', 'Commitments', 'Capacity']);
    expect(layout.sheets.every((s) => s.isNew && s.freezeRows === 1)).toBe(true);
    const knowledge = layout.sheets[1];
    expect(knowledge.blocks[0].values[0]).toEqual(tableSheet('knowledge').columns.map((c) => c.en));
    expect(knowledge.table).toEqual({ name: 'KAP_knowledge', range: 'A1:G2' });
  });

  it('writes Spanish sheets and headers when asked', () => {
    const layout = templateLayout(empty, 'es');
    expect(layout.sheets.map((s) => s.name)).toContain('Compromisos');
    expect(layout.sheets[0].blocks[0].values[1]).toEqual([PLAN_SHEET.fields[0].es, null]);
  });

  it('gives list columns their drop-down in the workbook language, and dates a date format', () => {
    const commitments = templateLayout(empty, 'es').sheets.find((s) => s.key === 'commitments')!;
    const side = commitments.formats.find((f) => f.column === 4)!;
    expect(side.list).toEqual(['Nuestra', 'Cliente', 'Conjunta']);
    expect(commitments.formats.find((f) => f.column === 7)!.numberFormat).toBe('yyyy-mm-dd');
  });

  it('adds only the missing sheets and columns of a half-built workbook, in its own language', () => {
    const existing: WorkbookInput = {
      sheets: [
        { name: 'Conocimiento', values: [['ID', 'Hallazgo', 'Mi nota', 'Categoria'], ['K1', 'Precio del acero', 'x', 'Variable de la industria']] },
        { name: 'Plan', values: [['Campo', 'Valor'], ['Cuenta', 'Aceros del Norte']] },
      ],
    };
    const layout = templateLayout(existing, 'en');
    expect(layout.language).toBe('es');
    const knowledge = layout.sheets.find((s) => s.key === 'knowledge')!;
    expect(knowledge.isNew).toBe(false);
    // Missing headers go right of the last header (column D), on the header row.
    expect(knowledge.blocks).toEqual([{ row: 1, column: 5, values: [['Fuente', 'Impacto', 'Confirmado con el cliente', 'Última verificación']] }]);
    const plan = layout.sheets.find((s) => s.key === 'plan')!;
    expect(plan.blocks[0].row).toBe(3);
    expect(plan.blocks[0].values.map((r) => r[0])).not.toContain('Cuenta');
    expect(layout.sheets.filter((s) => s.isNew).map((s) => s.key)).toEqual(['learning', 'stakeholders', 'vision', 'commitments', 'capacity']);
  });

  it('has nothing to add to a complete workbook', () => {
    const sheets = templateLayout(empty, 'en').sheets.map((s) => ({ name: s.name, values: s.blocks[0].values.map((r) => r.map(hostValue)) }));
    expect(templateLayout({ sheets }, 'en').sheets).toEqual([]);
  });

  it('fills new sheets with the data given (the sample)', () => {
    const layout = templateLayout(empty, 'en', {
      plan: { account: 'Acme Steel' },
      rows: { commitments: [{ id: 'C1', commitment: 'Plant visit', due: new Date(Date.UTC(2027, 0, 15)) }] },
    });
    expect(layout.sheets[0].blocks[0].values[1]).toEqual(['Account', 'Acme Steel']);
    const row = layout.sheets.find((s) => s.key === 'commitments')!.blocks[0].values[1];
    expect(row[0]).toBe('C1');
    expect(row[6]).toEqual({ date: Math.floor(Date.UTC(2027, 0, 15) / 86400000) });
  });
});

describe('the live Capacity formulas', () => {
  const positions: Record<string, number> = {};
  tableSheet('commitments').columns.forEach((c, i) => (positions[c.key] = i + 1));

  it('sum hours of the team within the span, leaving out client-side and cancelled commitments in both languages', () => {
    const f = capacityFormula('committedHours', 2, 'Commitments', positions);
    expect(isFormula(f) && f.formula).toBe(
      '=IF($A2="","",SUMIFS(Commitments!$I:$I,Commitments!$H:$H,$A2,Commitments!$G:$G,">="&$B2,Commitments!$G:$G,"<="&$C2,' +
        'Commitments!$D:$D,"<>Client",Commitments!$D:$D,"<>Cliente",Commitments!$N:$N,"<>Cancelled",Commitments!$N:$N,"<>Cancelado"))',
    );
  });

  it('follow the Commitments columns where the user moved them', () => {
    const moved = { ...positions, cost: 20 };
    const f = capacityFormula('committedCost', 5, 'Compromisos', moved);
    expect(isFormula(f) && f.formula).toMatch(/^=IF\(\$A5="","",SUMIFS\(Compromisos!\$T:\$T,/);
  });

  /** The Commitments sheet the Capacity formulas of a Create plan over `sheets` refer to. */
  const referredSheet = (sheets: WorkbookInput['sheets']): string => {
    const capacity = templateLayout({ sheets }, 'en').sheets.find((s) => s.key === 'capacity')!;
    const formula = capacity.blocks.flatMap((b) => b.values.flat()).find(isFormula)!.formula;
    return /SUMIFS\((.*?)!/.exec(formula)![1];
  };
  const commitmentsHeader = (lang: 'en' | 'es'): string[] => tableSheet('commitments').columns.map((c) => c[lang]);

  it('name the Commitments sheet the workbook has: Spanish headers under an English tab, a renamed tab', () => {
    // Spanish headers (the plan's language is Spanish) on a tab still called Commitments.
    expect(referredSheet([{ name: 'Commitments', values: [commitmentsHeader('es')] }])).toBe('Commitments');
    // A tab whose case and spacing differ from the standard name is still the Commitments sheet.
    expect(referredSheet([{ name: 'compromisos ', values: [commitmentsHeader('es')] }])).toBe("'compromisos '");
    expect(referredSheet([{ name: 'COMMITMENTS', values: [commitmentsHeader('en')] }])).toBe('COMMITMENTS');
    // No Commitments sheet yet: the one Create adds, in the plan's language.
    expect(referredSheet([{ name: 'Plan', values: [['Campo', 'Valor'], ['Cuenta', 'Acme']] }])).toBe('Compromisos');
  });

  it('quote sheet names as hosts require', () => {
    expect(sheetReference('Commitments')).toBe('Commitments');
    expect(sheetReference('Plan de aprendizaje')).toBe("'Plan de aprendizaje'");
    expect(sheetReference('Visión')).toBe("'Visión'");
    expect(sheetReference("Ann's plan")).toBe("'Ann''s plan'");
    // Bare, these would read as a cell, an R1C1 reference or a boolean.
    for (const name of ['AB12', 'R1C1', 'R2', 'C', 'TRUE', '2027']) expect(sheetReference(name)).toBe(`'${name}'`);
  });

  it('reach past the filled rows of a new Capacity sheet', () => {
    const capacity = templateLayout(empty, 'en').sheets.find((s) => s.key === 'capacity')!;
    const body = capacity.blocks[0].values.slice(1);
    expect(body).toHaveLength(CAPACITY_FORMULA_ROWS);
    expect(body.every((r) => isFormula(r[5]) && isFormula(r[6]))).toBe(true);
  });
});

describe('host values', () => {
  it('write formulas as formulas and workbook text as inert text', () => {
    expect(hostValue({ formula: '=1+1' })).toBe('=1+1');
    expect(hostValue('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
    expect(hostValue('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(hostValue('Plant visit')).toBe('Plant visit');
    expect(hostValue({ date: 0 })).toBe(25569);
  });
  it('know every table sheet', () => {
    expect(TABLE_SHEETS).toHaveLength(6);
  });
});
