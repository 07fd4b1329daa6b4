// `kap portfolio --out FILE.xlsx`: the Accounts, Teams and Conflicts tables
// (then the portfolio's findings and the files not checked) as sheets with
// number formats, bold frozen headers, autofilters and score colours.
// ExcelJS builds the new workbook; kap's PlanWorkbook saves it, so text that
// looks like a formula stays text (the same quote-prefix marking as kap's other files).

import type ExcelJS from 'exceljs';
import { NUMBER_FORMATS } from '../../core/layout/cells';
import { Portfolio } from '../../core/portfolio';
import { accountsTable, conflictsTable, portfolioWord, PortfolioColumn, PortfolioTable, scoreCellBand, teamsTable } from '../../core/portfolio-layout';
import { Day, formatDay } from '../../core/values';
import { PlanWorkbook } from '../xlsx-workbook';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const BAND_FILLS: Record<'red' | 'amber' | 'green', ExcelJS.Fill> = {
  red: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF4C7C3' } },
  amber: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE8B2' } },
  green: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFB7E1CD' } },
};
const OVER_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' }, bold: true };

const FORMATS: Record<PortfolioColumn['kind'], string | undefined> = {
  text: undefined,
  count: '0',
  score: '0',
  // Hours are whole or halves: General shows 400 and 7.5 as typed.
  number: 'General',
  money: NUMBER_FORMATS.money,
  percent: NUMBER_FORMATS.percent,
  date: NUMBER_FORMATS.date,
};

function addTable(book: ExcelJS.Workbook, table: PortfolioTable): ExcelJS.Worksheet {
  const ws = book.addWorksheet(table.title);
  ws.columns = table.columns.map((c) => ({ width: c.width }));
  const header = ws.getRow(1);
  table.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
  });
  header.height = 30;
  table.rows.forEach((row, r) => {
    row.forEach((value, i) => {
      if (value === null) return;
      const cell = ws.getCell(r + 2, i + 1);
      cell.value = typeof value === 'object' ? new Date(value.day * 86400000) : value;
      const format = FORMATS[table.columns[i].kind];
      if (format) cell.numFmt = format;
      const band = scoreCellBand(table, row, i);
      if (band) cell.fill = BAND_FILLS[band];
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, table.rows.length + 1), column: table.columns.length } };
  return ws;
}

export async function portfolioXlsx(p: Portfolio, asOf: Day): Promise<Buffer> {
  const book = PlanWorkbook.empty();
  const wb = book.workbook;
  wb.title = `${portfolioWord('title', p.language)} ${formatDay(asOf)}`;
  addTable(wb, accountsTable(p));
  const teams = teamsTable(p);
  const teamsSheet = addTable(wb, teams);
  const status = teams.columns.findIndex((c) => c.key === 'status') + 1;
  // Spans over capacity or budget stand out in red, and so do their loads.
  p.teams.forEach((t, i) => {
    if (!t.overHours && !t.overBudget) return;
    teamsSheet.getCell(i + 2, status).font = OVER_FONT;
    if (t.overHours) teamsSheet.getCell(i + 2, teams.columns.findIndex((c) => c.key === 'load') + 1).font = OVER_FONT;
    if (t.overBudget) teamsSheet.getCell(i + 2, teams.columns.findIndex((c) => c.key === 'budgetLoad') + 1).font = OVER_FONT;
  });
  addTable(wb, conflictsTable(p));
  const l = p.language;
  addTable(wb, {
    key: 'conflicts',
    title: portfolioWord('findings', l),
    columns: [
      { key: 'kind', header: portfolioWord('status', l), kind: 'text', width: 22 },
      { key: 'file', header: portfolioWord('file', l), kind: 'text', width: 36 },
      { key: 'message', header: portfolioWord('findings', l), kind: 'text', width: 100 },
    ],
    rows: [
      ...p.findings.map((f) => [f.rule, '', f.message]),
      ...p.skipped.map((s) => [portfolioWord('skipped', l), s.file, s.reason]),
    ],
  });
  return book.toBuffer();
}
