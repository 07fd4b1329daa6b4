// core/portfolio: adding up accounts' commitments against one capacity, from
// AccountSummary values alone (no files), rule by rule.
import { checkPlan } from '../../core/check';
import { accountSummary, AccountSummary, buildPortfolio, CapacityFigure, PortfolioCommitment } from '../../core/portfolio';
import { dayFromParts } from '../../core/values';

const d = (iso: string): number => {
  const [y, m, day] = iso.split('-').map(Number);
  return dayFromParts(y, m, day);
};

function commitment(id: string, team: string, due: string, hours: number, cost = 0): PortfolioCommitment {
  return { id, commitment: `Work ${id}`, team, due: d(due), hours, cost, sheet: 'Commitments', cell: `A${id.replace(/\D/g, '') || 2}` };
}

function capacity(team: string, start: string, end: string, availableHours?: number, budget?: number): CapacityFigure {
  return { team, start: d(start), end: d(end), availableHours, budget, sheet: 'Capacity', row: 2 };
}

function account(file: string, load: PortfolioCommitment[], caps: CapacityFigure[], extra: Partial<AccountSummary> = {}): AccountSummary {
  return {
    file,
    language: 'en',
    account: file.replace('.xlsx', ''),
    kam: '',
    currency: 'USD',
    scores: { knowledge: 50, vision: 50, commitment: 50, overall: 50 },
    errors: 0,
    warnings: 0,
    commitments: load.length,
    unsupported: 0,
    signOffBy: '',
    load,
    capacity: caps,
    ...extra,
  };
}

const FIELD = (hours = 100, budget = 10000) => capacity('Field', '2027-01-01', '2027-03-31', hours, budget);

describe('buildPortfolio', () => {
  it('a span over capacity only when the accounts are added up is a conflict that no single plan shows', () => {
    const p = buildPortfolio([account('b.xlsx', [commitment('C1', 'Field', '2027-02-01', 60)], [FIELD()]), account('a.xlsx', [commitment('C9', 'field', '2027-03-31', 50)], [FIELD()])], [], 'en');
    expect(p.accounts.map((a) => a.file)).toEqual(['a.xlsx', 'b.xlsx']);
    expect(p.conflicts.map((c) => [c.span.committedHours, c.overHours, c.overBudget, c.onlyWhenAddedUp])).toEqual([[110, true, false, true]]);
    expect(p.conflicts[0].span.shares.map((s) => [s.file, s.commitments.map((c) => c.id)])).toEqual([
      ['a.xlsx', ['C9']],
      ['b.xlsx', ['C1']],
    ]);
  });

  it('a span one account alone overloads is a conflict too, marked as one a single plan could show', () => {
    const p = buildPortfolio([account('a.xlsx', [commitment('C1', 'Field', '2027-02-01', 120)], [FIELD()]), account('b.xlsx', [commitment('C2', 'Field', '2027-02-01', 5)], [FIELD()])], [], 'en');
    expect(p.conflicts.map((c) => c.onlyWhenAddedUp)).toEqual([false]);
  });

  it('plans stating different figures for the same team and span are a finding, and the smallest figures are judged', () => {
    const p = buildPortfolio([account('a.xlsx', [commitment('C1', 'Field', '2027-02-01', 90)], [FIELD(100)]), account('b.xlsx', [], [FIELD(80, 20000)])], [], 'en');
    expect(p.teams.map((t) => [t.availableHours, t.budget, t.overHours])).toEqual([[80, 10000, true]]);
    expect(p.findings).toEqual([
      {
        rule: 'capacity-disagrees',
        message: 'Field 2027-01-01..2027-03-31: the plans state different capacity (100 hours, budget 10000: a; 80 hours, budget 20000: b); the smallest figures are used.',
      },
    ]);
  });

  it('the same figures in every plan are one span and no finding', () => {
    const p = buildPortfolio([account('a.xlsx', [], [FIELD()]), account('b.xlsx', [], [FIELD()])], [], 'en');
    expect([p.teams.length, p.findings]).toEqual([1, []]);
  });

  it('costs in different currencies are not added against a budget: the budget is not judged, and that is said', () => {
    const p = buildPortfolio(
      [account('a.xlsx', [commitment('C1', 'Field', '2027-02-01', 10, 9000)], [FIELD()]), account('b.xlsx', [commitment('C2', 'Field', '2027-02-01', 10, 9000)], [], { currency: 'EUR' })],
      [],
      'es',
    );
    expect(p.teams.map((t) => [t.committedCost, t.overBudget, t.budgetNotJudged])).toEqual([[18000, false, true]]);
    expect(p.conflicts).toEqual([]);
    expect(p.findings.map((f) => f.message)).toEqual(['Field 2027-01-01..2027-03-31: aquí se juntan costos en EUR, USD, así que el presupuesto no se juzga (los costos no se convierten).']);
  });

  it('commitments whose team has no span covering their due date are added up apart, per team', () => {
    const p = buildPortfolio([account('a.xlsx', [commitment('C1', 'Field', '2027-05-01', 10, 100), commitment('C2', 'PMO', '2027-02-01', 5)], [FIELD()])], [], 'en');
    expect(p.uncovered.map((u) => [u.team, u.hours, u.cost, u.shares[0].commitments.map((c) => c.id)])).toEqual([
      ['Field', 10, 100, ['C1']],
      ['PMO', 5, 0, ['C2']],
    ]);
  });

  it('a capacity file replaces the plans own Capacity rows', () => {
    const p = buildPortfolio([account('a.xlsx', [commitment('C1', 'Field', '2027-02-01', 90)], [FIELD(1000)])], [], 'en', {
      file: 'org.xlsx',
      rows: [FIELD(50)],
      currency: 'USD',
      problems: ['org.xlsx Capacity!D3: not a number'],
    });
    expect([p.capacitySource, p.teams[0].availableHours, p.conflicts.length]).toEqual(['file', 50, 1]);
    expect(p.findings.map((f) => f.rule)).toEqual(['capacity-file-value']);
  });

  it('a capacity figure a plan cannot read is never a number: another plan states it, or the span is not judged', () => {
    const unread = { ...FIELD(), unread: ['availableHours' as const] };
    const load = [commitment('C1', 'Field', '2027-02-01', 90)];
    const stated = buildPortfolio([account('a.xlsx', load, [unread]), account('b.xlsx', [], [FIELD(50)])], [], 'en');
    expect(stated.teams.map((t) => [t.availableHours, t.overHours, t.unjudged])).toEqual([[50, true, false]]);
    const none = buildPortfolio([account('a.xlsx', load, [unread])], [], 'en');
    expect(none.teams.map((t) => [t.overHours, t.unjudged])).toEqual([[false, true]]);
    expect(none.conflicts).toEqual([]);
    // Unreadable effort in a span keeps it from being judged too, unless what can be read is already over.
    const effort = buildPortfolio([account('a.xlsx', [{ ...commitment('C2', 'Field', '2027-02-01', 0), unread: ['effortHours'] }], [FIELD()])], [], 'en');
    expect(effort.teams.map((t) => t.unjudged)).toEqual([true]);
  });

  it('two files for the same account are said, and the files not checked are sorted', () => {
    const p = buildPortfolio([account('x/acme.xlsx', [], [], { account: 'Acme' }), account('acme-v2.xlsx', [], [], { account: ' ACME ' })], [{ file: 'z.xlsx', reason: 'r' }, { file: 'b.xlsx', reason: 'r' }], 'en');
    expect(p.findings.map((f) => f.rule)).toEqual(['same-account']);
    expect(p.skipped.map((s) => s.file)).toEqual(['b.xlsx', 'z.xlsx']);
  });
});

describe('accountSummary', () => {
  it("keeps which capacity figures and efforts the plan's check could not read", () => {
    const result = checkPlan(
      {
        sheets: [
          { name: 'Plan', values: [['Field', 'Value'], ['Account', 'Acme']] },
          { name: 'Commitments', values: [['ID', 'Commitment', 'Team', 'Due date', 'Effort hours', 'Side'], ['C1', 'Pilot', 'Field', '2027-02-01', 'many', 'Ours']] },
          { name: 'Capacity', values: [['Team', 'Period start', 'Period end', 'Available hours', 'Budget'], ['Field', '2027-01-01', '2027-03-31', 'lots', 100]] },
        ],
      },
      { asOf: d('2027-01-15') },
    );
    const s = accountSummary('a.xlsx', result);
    expect(s.load.map((c) => [c.id, c.unread])).toEqual([['C1', ['effortHours']]]);
    expect(s.capacity.map((c) => c.unread)).toEqual([['availableHours']]);
  });
});
