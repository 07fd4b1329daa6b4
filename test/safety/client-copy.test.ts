// The client copy as the core decides it: which sheets, rows and columns go,
// which stay behind, and that references never point at a row left behind.

import { clientCopy, ClientCopy, shareableHeader, SHARED_PLAN_FIELDS, SHARED_TABLES } from '../../core/client-copy';
import { Language, LANGUAGES, listLabel, PLAN_SHEET, tableSheet } from '../../core/contract';
import { isDate, LayoutCell } from '../../core/layout/cells';
import { basePlan, buildWorkbook, day, PlanData } from '../fixtures/plan-fixture';
import { INTERNAL_COLUMNS, sentinelPlan } from '../fixtures/sentinel-plan';

/** Every cell of the copy as text, for searching. */
function cellTexts(copy: ClientCopy): string[] {
  const out: string[] = [];
  for (const sheet of copy.sheets) {
    out.push(sheet.name);
    for (const row of sheet.values) for (const c of row) if (c !== null) out.push(textOf(c));
  }
  return out;
}

function textOf(c: LayoutCell): string {
  if (c === null) return '';
  if (typeof c === 'object') return isDate(c) ? `date:${c.date}` : `formula:${c.formula}`;
  return String(c);
}

function sheet(copy: ClientCopy, key: string) {
  const s = copy.sheets.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key} sheet in the copy`);
  return s;
}

/** A sheet of the copy as records keyed by its headers. */
function records(copy: ClientCopy, key: string): Record<string, LayoutCell>[] {
  const [header, ...rows] = sheet(copy, key).values;
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i] ?? null])));
}

function planWith(change: (d: PlanData) => void, lang: Language = 'en'): PlanData {
  const d = basePlan(lang);
  change(d);
  return d;
}

describe.each(LANGUAGES)('client copy of the sentinel plan (%s)', (lang) => {
  const fixture = sentinelPlan(lang);
  const copy = clientCopy(fixture.input);
  const texts = cellTexts(copy);

  test('carries no sentinel in any cell or sheet name', () => {
    const leaked = fixture.sentinels.filter((s) => texts.some((t) => t.includes(s)));
    expect(leaked).toEqual([]);
  });

  test('carries every shared value as a whole cell', () => {
    const missing = fixture.shared.filter((s) => !texts.includes(s));
    expect(missing).toEqual([]);
  });

  test('no internal contract header appears as a cell', () => {
    const headers = Object.entries(INTERNAL_COLUMNS).flatMap(([key, cols]) =>
      cols!.map((c) => tableSheet(key as 'knowledge').columns.find((d) => d.key === c)![lang]),
    );
    const internalPlanFields = PLAN_SHEET.fields.filter((f) => !SHARED_PLAN_FIELDS.includes(f.key)).map((f) => f[lang]);
    for (const h of [...headers, ...internalPlanFields]) expect(texts).not.toContain(h);
  });

  test('dangerous text stays literal strings, never formulas', () => {
    for (const s of fixture.dangerous) expect(texts).toContain(s);
    expect(texts.some((t) => t.startsWith('formula:'))).toBe(false);
  });

  test('is written in the workbook language unless asked otherwise', () => {
    expect(copy.language).toBe(lang);
    const other: Language = lang === 'en' ? 'es' : 'en';
    const translated = clientCopy(fixture.input, { outputLanguage: other });
    expect(translated.language).toBe(other);
    expect(translated.sheets.map((s) => s.name)).toContain(tableSheet('commitments')[other]);
  });
});

describe('which sheets go into the client copy', () => {
  test('Plan, Knowledge, Stakeholders, Vision, Commitments and the sign-off sheet; never Learning plan, Capacity or Review', () => {
    const copy = clientCopy(buildWorkbook(basePlan('en')));
    expect(copy.sheets.map((s) => s.key)).toEqual(['plan', 'knowledge', 'stakeholders', 'vision', 'commitments', 'signoff']);
    expect(copy.sheets.map((s) => s.name)).toEqual(['Plan', 'Knowledge', 'Stakeholders', 'Vision', 'Commitments', 'Sign-off']);
  });

  test('a Spanish workbook gives Spanish sheet names', () => {
    const copy = clientCopy(buildWorkbook(basePlan('es'), { lang: 'es' }));
    expect(copy.sheets.map((s) => s.name)).toEqual(['Plan', 'Conocimiento', 'Actores', 'Visión', 'Compromisos', 'Aprobación']);
  });

  test('a sheet missing from the workbook is missing from the copy, and the copy still has Plan and sign-off', () => {
    const copy = clientCopy(buildWorkbook(basePlan('en'), { omitSheets: ['vision', 'stakeholders'] }));
    expect(copy.sheets.map((s) => s.key)).toEqual(['plan', 'knowledge', 'commitments', 'signoff']);
  });

  test('a workbook with no plan sheets gives an empty Plan and the sign-off sheet, without throwing', () => {
    const copy = clientCopy({ sheets: [{ name: 'Budget 2027', values: [['Cost', 100]] }] });
    expect(copy.sheets.map((s) => s.key)).toEqual(['plan', 'signoff']);
    expect(cellTexts(copy)).not.toContain('Budget 2027');
  });

  test('every table sheet has one header row, frozen', () => {
    const copy = clientCopy(buildWorkbook(basePlan('en')));
    for (const s of copy.sheets.filter((x) => x.key !== 'signoff')) {
      expect(s.headerRows).toEqual([1]);
      expect(s.freezeRows).toBe(1);
    }
  });
});

describe('the Plan sheet of the copy', () => {
  const copy = clientCopy(buildWorkbook(basePlan('en')));
  const fields = Object.fromEntries(sheet(copy, 'plan').values.slice(1).map((r) => [String(r[0]), r[1]]));

  test('holds account, KAM, period, currency, client sponsor and sign-off', () => {
    expect(fields).toEqual({
      Account: 'Acme Steel',
      'Key account manager': 'Laura Gómez',
      'Period start': { date: 20819 },
      'Period end': { date: 21183 },
      Currency: 'USD',
      'Client sponsor': 'Carolina Ruiz',
      'Client sign-off by': 'Carolina Ruiz',
      'Client sign-off date': { date: 20838 },
    });
  });

  test('leaves out the revenue target and the internal sponsor', () => {
    const texts = cellTexts(copy);
    expect(texts).not.toContain('Revenue target');
    expect(texts).not.toContain('100000');
    expect(texts).not.toContain('Internal sponsor');
    expect(texts).not.toContain('Martín Rojas');
  });

  test('dates carry a date number format', () => {
    const plan = sheet(copy, 'plan');
    const dateRows = plan.values.map((r, i) => (isDate(r[1]) ? i + 1 : 0)).filter((r) => r > 0);
    for (const row of dateRows) expect(plan.formats.some((f) => f.fromRow <= row && f.toRow >= row && f.numberFormat === 'yyyy-mm-dd')).toBe(true);
  });
});

describe('rows: only what the client has seen and agreed', () => {
  test('knowledge not confirmed with the client stays behind', () => {
    const data = planWith((d) => {
      d.rows.knowledge![1].confirmed = 'No';
      d.rows.knowledge![2].confirmed = null;
    });
    const ids = records(clientCopy(buildWorkbook(data)), 'knowledge').map((r) => r.ID);
    expect(ids).toEqual(['K1', 'K4', 'K5', 'K6']);
  });

  test('only opportunities validated with the client go', () => {
    const data = planWith((d) => {
      const v1 = d.rows.vision![0];
      d.rows.vision!.push({ ...v1, id: 'V2', validation: 'Validated by team' }, { ...v1, id: 'V3', validation: 'Hypothesis' }, { ...v1, id: 'V4', validation: null });
    });
    expect(records(clientCopy(buildWorkbook(data)), 'vision').map((r) => r.ID)).toEqual(['V1']);
  });

  test('only client and joint commitments that are not cancelled go', () => {
    const data = planWith((d) => {
      const c2 = d.rows.commitments![1];
      d.rows.commitments!.push({ ...c2, id: 'C3', side: 'Joint' }, { ...c2, id: 'C4', side: 'Joint', status: 'Cancelled' }, { ...c2, id: 'C5', side: null });
    });
    expect(records(clientCopy(buildWorkbook(data)), 'commitments').map((r) => r.ID)).toEqual(['C2', 'C3']);
  });

  test('a stakeholder row with no name stays behind', () => {
    const data = planWith((d) => {
      d.rows.stakeholders!.push({ id: 'S4', name: null, title: 'Board member', relationshipOwner: 'Martín Rojas' });
    });
    expect(records(clientCopy(buildWorkbook(data)), 'stakeholders').map((r) => r.ID)).toEqual(['S1', 'S2', 'S3']);
  });
});

describe('columns: only the shareable ones, whatever the workbook order', () => {
  test.each(LANGUAGES)('each kept sheet has exactly its shareable columns, in contract order (%s)', (lang) => {
    const copy = clientCopy(buildWorkbook(basePlan(lang), { lang, reverseColumns: true, extraColumn: true }));
    for (const shared of SHARED_TABLES) {
      const def = tableSheet(shared.sheet);
      expect(sheet(copy, shared.sheet).values[0]).toEqual(shared.columns.map((k) => def.columns.find((c) => c.key === k)![lang]));
    }
  });

  test('stakeholders keep name, title and business unit; never role, attitude, influence, owner or last contact', () => {
    const rows = records(clientCopy(buildWorkbook(basePlan('en'))), 'stakeholders');
    expect(rows[1]).toEqual({ ID: 'S2', Name: 'Lucía Fernández', Title: 'CFO', 'Business unit': 'Finance' });
    const texts = cellTexts(clientCopy(buildWorkbook(basePlan('en'))));
    for (const word of ['Skeptic', 'Supporter', 'Decision maker', 'High']) expect(texts).not.toContain(word);
  });

  test('commitments keep what the client signs up to; never team, effort, cost or approvals', () => {
    const rows = records(clientCopy(buildWorkbook(basePlan('en'))), 'commitments');
    expect(rows).toEqual([
      {
        ID: 'C2',
        Commitment: 'Hand over stoppage logs',
        Supports: 'V1',
        Side: 'Client',
        Owner: 'Carolina Ruiz',
        'Client counterpart': 'Carolina Ruiz',
        'Due date': { date: 20969 },
        Status: 'Planned',
      },
    ]);
  });

  test('vision keeps the client value and never our revenue or probability', () => {
    const rows = records(clientCopy(buildWorkbook(basePlan('en'))), 'vision');
    expect(rows[0]['Client value']).toBe(500000);
    const texts = cellTexts(clientCopy(buildWorkbook(basePlan('en'))));
    expect(texts).not.toContain('200000');
    expect(texts).not.toContain('0.5');
  });

  test('list values are written in the language of the copy', () => {
    const copy = clientCopy(buildWorkbook(basePlan('en')), { outputLanguage: 'es' });
    const row = records(copy, 'commitments')[0];
    expect(row.Parte).toBe(listLabel('side', 'client', 'es'));
    expect(row.Estado).toBe('Planificado');
  });
});

describe('references only name rows the copy holds', () => {
  test('an opportunity addressing unconfirmed knowledge keeps only the confirmed IDs', () => {
    const data = planWith((d) => {
      d.rows.knowledge![1].confirmed = 'No';
      d.rows.vision![0].addresses = 'K2; K5, K99';
    });
    expect(records(clientCopy(buildWorkbook(data)), 'vision')[0].Addresses).toBe('K5');
  });

  test('a commitment supporting an opportunity not validated with the client drops that ID', () => {
    const data = planWith((d) => {
      const v1 = d.rows.vision![0];
      d.rows.vision!.push({ ...v1, id: 'V2', validation: 'Validated by team' });
      d.rows.commitments![1].supports = 'V1, V2';
    });
    expect(records(clientCopy(buildWorkbook(data)), 'commitments')[0].Supports).toBe('V1');
  });

  test('a commitment whose only opportunity stays behind shows an empty Supports', () => {
    const data = planWith((d) => {
      d.rows.vision![0].validation = 'Hypothesis';
    });
    expect(records(clientCopy(buildWorkbook(data)), 'commitments')[0].Supports).toBe('');
  });
});

describe('the shareable-column marker', () => {
  test.each([
    ['Next step [client]', 'Next step'],
    ['Próximo paso [cliente]', 'Próximo paso'],
    ['Next step [CLIENT]  ', 'Next step'],
    ['Próximo paso [Cliente]', 'Próximo paso'],
    ['[client]', ''],
  ])('%j is shareable, shown as %j', (header, shown) => {
    expect(shareableHeader(header)).toBe(shown);
  });

  test.each(['Next step', 'client', 'Notes (client)', '[client] Next step', 42, null])('%j is not shareable', (header) => {
    expect(shareableHeader(header)).toBeUndefined();
  });

  test('a marked user column goes with the kept rows, its values as they are; an unmarked one stays behind', () => {
    const input = buildWorkbook(basePlan('en'));
    const commitments = input.sheets.find((s) => s.name === 'Commitments')!;
    commitments.values[0].push('Next step [client]', 'Internal margin');
    commitments.values[1].push('Kick-off call', 0.31);
    commitments.values[2].push(day('2027-02-01'), 0.42);
    const copy = clientCopy(input);
    const s = sheet(copy, 'commitments');
    expect(s.values[0].slice(-1)).toEqual(['Next step']);
    expect(s.values[1].slice(-1)).toEqual([{ date: 20850 }]);
    expect(cellTexts(copy)).not.toContain('Kick-off call');
    expect(cellTexts(copy)).not.toContain('Internal margin');
    expect(cellTexts(copy)).not.toContain('0.42');
  });

  test('error values in a marked column become blanks, not error text', () => {
    const input = buildWorkbook(basePlan('en'));
    const knowledge = input.sheets.find((s) => s.name === 'Knowledge')!;
    knowledge.values[0].push('Evidence [client]');
    knowledge.values[1].push({ error: '#REF!' });
    knowledge.values[2].push('#N/A');
    const rows = records(clientCopy(input), 'knowledge');
    expect(rows[0].Evidence).toBeNull();
    expect(rows[1].Evidence).toBeNull();
  });
});

describe('the sign-off sheet', () => {
  test.each(LANGUAGES)('names the client signer with their title, the sign-off date, the KAM, and a signature line (%s)', (lang) => {
    const s = sheet(clientCopy(buildWorkbook(basePlan(lang), { lang })), 'signoff');
    const byLabel = Object.fromEntries(s.values.filter((r) => typeof r[0] === 'string').map((r) => [r[0] as string, r.slice(1)]));
    const words = lang === 'en' ? ['Name', 'Title', 'Date', 'Signature'] : ['Nombre', 'Cargo', 'Fecha', 'Firma'];
    expect(byLabel[words[0]]).toEqual(['Carolina Ruiz', 'Laura Gómez']);
    expect(byLabel[words[1]]).toEqual(['CIO', null]);
    expect(byLabel[words[2]]).toEqual([{ date: 20838 }, null]);
    expect(byLabel[words[3]]).toEqual([null, null]);
    expect(s.headerRows).toHaveLength(1);
  });

  test('with no sign-off yet it names the client sponsor and leaves the date to fill in', () => {
    const data = planWith((d) => {
      d.plan.signOffBy = null;
      d.plan.signOffDate = null;
      d.plan.clientSponsor = 'Lucía Fernández';
    });
    const s = sheet(clientCopy(buildWorkbook(data)), 'signoff');
    const byLabel = Object.fromEntries(s.values.filter((r) => typeof r[0] === 'string').map((r) => [r[0] as string, r.slice(1)]));
    expect(byLabel.Name).toEqual(['Lucía Fernández', 'Laura Gómez']);
    expect(byLabel.Title).toEqual(['CFO', null]);
    expect(byLabel.Date).toEqual([null, null]);
  });
});
