// The portfolio: many accounts' plans, each checked on its own, then every
// team's commitments added up across accounts against the organisation's
// capacity. Over-commitment that no single plan shows is found here.
// Pure: the CLI reads the files and hands each plan's check over as an
// AccountSummary (small, so a thousand plans cost little memory).

import { CheckResult, NextStep } from './check';
import { Label, Language, matchKey, SheetKey } from './contract';
import { capacityLedger, consumesCapacity } from './capacity';
import { Finding } from './finding';
import { CapacityRow, Commitment, isUnread, Plan, RowOrigin } from './plan';
import { Day, formatDay } from './values';

/** One capacity-consuming commitment of an account: what the portfolio adds up. */
export interface PortfolioCommitment {
  id: string;
  commitment: string;
  team: string;
  due: Day;
  hours: number;
  cost: number;
  sheet: string;
  cell: string;
  /** Effort or cost that cannot be read: never counted as a number, so the span it falls in is not judged. */
  unread?: ('effortHours' | 'cost')[];
}

/** One Capacity row as a plan (or the capacity file) states it. */
export interface CapacityFigure {
  team: string;
  start: Day;
  end: Day;
  availableHours?: number;
  budget?: number;
  sheet: string;
  row: number;
  /** Available hours or budget that cannot be read (a finding of the plan's check names the cell). */
  unread?: ('availableHours' | 'budget')[];
}

export interface Scores {
  knowledge: number;
  vision: number;
  commitment: number;
  overall: number;
}

/** What the portfolio keeps of one plan's check. */
export interface AccountSummary {
  /** The file as the report names it. */
  file: string;
  language: Language;
  account: string;
  kam: string;
  periodStart?: Day;
  periodEnd?: Day;
  currency: string;
  scores: Scores;
  errors: number;
  warnings: number;
  commitments: number;
  unsupported: number;
  signOffBy: string;
  signOffDate?: Day;
  /** The check's first next step: what would raise this plan's overall readiness most. */
  nextStep?: NextStep;
  /** Our side and joint commitments, not cancelled, with a team and a due date. */
  load: PortfolioCommitment[];
  capacity: CapacityFigure[];
}

/** A file that is not in the portfolio, and why (one line). */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** The plan sheets that make a workbook a plan; a Capacity sheet alone does not (it is a capacity file). */
const PLAN_SHEETS: readonly SheetKey[] = ['plan', 'knowledge', 'learning', 'stakeholders', 'vision', 'commitments'];

/** Why a workbook that opened is not an account plan, or undefined when it is one. */
export function notAPlan(plan: Plan): string | undefined {
  if (PLAN_SHEETS.some((key) => plan.sheets[key] !== undefined)) return undefined;
  return 'not an account plan: it has none of the sheets Plan, Knowledge, Learning plan, Stakeholders, Vision, Commitments';
}

/** Keeps what the portfolio needs of a check; long commitment texts are cut, since reports show them on one line. */
export function accountSummary(file: string, result: CheckResult): AccountSummary {
  const plan = result.plan;
  const s = plan.summary;
  const letters = plan.sheets.commitments;
  const load: PortfolioCommitment[] = [];
  for (const c of plan.commitments) {
    if (!consumesCapacity(c) || c.due === undefined || c.team.trim() === '') continue;
    const idLetter = c.letters.id ?? Object.values(c.letters)[0] ?? 'A';
    load.push({
      id: c.id,
      commitment: c.commitment.length > 120 ? `${c.commitment.slice(0, 119)}…` : c.commitment,
      team: c.team.trim(),
      due: c.due,
      hours: c.effortHours ?? 0,
      cost: c.cost ?? 0,
      sheet: letters?.name ?? c.sheet,
      cell: `${idLetter}${c.row}`,
      ...unreadOf(c, ['effortHours', 'cost'] as const),
    });
  }
  const capacity: CapacityFigure[] = [];
  for (const r of plan.capacity) {
    const figure = capacityFigure(r);
    if (figure) capacity.push(figure);
  }
  return {
    file,
    language: result.language,
    account: s.account,
    kam: s.kam,
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    currency: s.currency.trim(),
    scores: {
      knowledge: result.scorecard.knowledge,
      vision: result.scorecard.vision,
      commitment: result.scorecard.commitment,
      overall: result.scorecard.overall,
    },
    errors: result.findings.filter((f) => f.severity === 'error').length,
    warnings: result.findings.filter((f) => f.severity === 'warning').length,
    commitments: result.commitments.length,
    unsupported: result.commitments.filter((c) => !c.supported).length,
    signOffBy: s.signOffBy,
    signOffDate: s.signOffDate,
    nextStep: result.actions[0] ? { ...result.actions[0] } : undefined,
    load,
    capacity,
  };
}

/** A Capacity row the portfolio can use: a team and a span that reads (end not before start). */
export function capacityFigure(r: CapacityRow): CapacityFigure | undefined {
  if (r.team.trim() === '' || r.start === undefined || r.end === undefined || r.end < r.start) return undefined;
  return { team: r.team.trim(), start: r.start, end: r.end, availableHours: r.availableHours, budget: r.budget, sheet: r.sheet, row: r.row, ...unreadOf(r, ['availableHours', 'budget'] as const) };
}

function unreadOf<K extends string>(origin: RowOrigin, keys: readonly K[]): { unread?: K[] } {
  const unread = keys.filter((k) => isUnread(origin, k));
  return unread.length > 0 ? { unread } : {};
}

export function signedOff(a: AccountSummary): boolean {
  return a.signOffBy.trim() !== '' && a.signOffDate !== undefined;
}

/** The organisation's capacity given apart from the plans (`--capacity FILE`). */
export interface CapacityFile {
  file: string;
  rows: CapacityFigure[];
  /** The capacity file's currency (its Plan sheet's Currency), when it has one. */
  currency: string;
  /** What could not be read on its Capacity sheet, each naming its cell. */
  problems: string[];
}

/** The capacity file as the core reads it, or why it cannot serve (it has no Capacity sheet). */
export function capacityFileOf(file: string, plan: Plan, readFindings: readonly Finding[]): CapacityFile | string {
  const sheet = plan.sheets.capacity;
  if (!sheet) return `${file}: no Capacity sheet, so it cannot give the organisation's capacity`;
  const rows: CapacityFigure[] = [];
  for (const r of plan.capacity) {
    const f = capacityFigure(r);
    if (f) rows.push(f);
  }
  const problems = readFindings.filter((f) => f.sheet === sheet.name).map((f) => `${file} ${f.sheet}!${f.cell}: ${f.message}`);
  return { file, rows, currency: plan.summary.currency.trim(), problems };
}

/** Who states a capacity span's figures: an account's plan, or the capacity file. */
export interface CapacitySource {
  file: string;
  account: string;
  availableHours?: number;
  budget?: number;
  unread?: ('availableHours' | 'budget')[];
  sheet: string;
  row: number;
}

/** One team and span of the organisation's capacity, with everything committed in it. */
export interface TeamSpan {
  team: string;
  start: Day;
  end: Day;
  /** The figure judged against; when sources disagree, the smallest stated (never commit what may not be there). */
  availableHours: number;
  budget: number;
  sources: CapacitySource[];
  committedHours: number;
  committedCost: number;
  overHours: boolean;
  overBudget: boolean;
  /** Costs in more than one currency meet in this span, so its budget is not judged. */
  budgetNotJudged: boolean;
  /** A figure of the span, or the effort or cost of a commitment in it, cannot be read: not judged on it (never a guess). */
  unjudged: boolean;
  shares: AccountShare[];
}

/** One account's part of a span. */
export interface AccountShare {
  file: string;
  account: string;
  hours: number;
  cost: number;
  commitments: PortfolioCommitment[];
}

/** A team's commitments that fall in no capacity span of the organisation. */
export interface UncoveredLoad {
  team: string;
  hours: number;
  cost: number;
  shares: AccountShare[];
}

/** A span over capacity or budget once the accounts are added up. */
export interface Conflict {
  span: TeamSpan;
  overHours: boolean;
  overBudget: boolean;
  /** True when every account alone fits the span: no single plan can show it. */
  onlyWhenAddedUp: boolean;
}

export type PortfolioRule = 'capacity-disagrees' | 'mixed-currencies' | 'same-account' | 'capacity-file-value';

/** Something about the portfolio as a whole, apart from the conflicts. */
export interface PortfolioFinding {
  rule: PortfolioRule;
  message: string;
}

export interface Portfolio {
  language: Language;
  /** Sorted by file. */
  accounts: AccountSummary[];
  /** Sorted by file. */
  skipped: SkippedFile[];
  capacitySource: 'plans' | 'file';
  capacityFile?: string;
  /** Sorted by team, start, end. */
  teams: TeamSpan[];
  uncovered: UncoveredLoad[];
  conflicts: Conflict[];
  findings: PortfolioFinding[];
}

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WORDS = {
  disagrees: {
    en: '{team} {span}: the plans state different capacity ({figures}); the smallest figures are used.',
    es: '{team} {span}: los planes indican capacidades distintas ({figures}); se usan las cifras menores.',
  },
  disagreesFile: {
    en: '{team} {span}: {file} states this span more than once ({figures}); the smallest figures are used.',
    es: '{team} {span}: {file} indica este periodo más de una vez ({figures}); se usan las cifras menores.',
  },
  mixed: {
    en: '{team} {span}: costs in {currencies} meet here, so the budget is not judged (costs are not converted).',
    es: '{team} {span}: aquí se juntan costos en {currencies}, así que el presupuesto no se juzga (los costos no se convierten).',
  },
  sameAccount: {
    en: '{files} are plans for the same account "{account}": their commitments are added up as if they were different accounts.',
    es: '{files} son planes de la misma cuenta "{account}": sus compromisos se suman como si fueran cuentas distintas.',
  },
  hours: { en: 'hours', es: 'horas' },
  budget: { en: 'budget', es: 'presupuesto' },
  blank: { en: 'blank', es: 'vacío' },
  row: { en: 'row', es: 'fila' },
} satisfies Record<string, Label>;

function say(template: Label, lang: Language, params: Record<string, string>): string {
  return template[lang].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export function spanText(start: Day, end: Day): string {
  return `${formatDay(start)}..${formatDay(end)}`;
}

/** How an account is named in a conflict: its account name, or its file when the plan names none. */
export function accountName(a: { account: string; file: string }): string {
  return a.account.trim() !== '' ? a.account.trim() : a.file;
}

/** A span's identity: team (compared as the contract compares names) and its two days. */
function spanKey(team: string, start: Day, end: Day): string {
  return `${matchKey(team)}\u0000${start}\u0000${end}`;
}

interface SpanDraft {
  team: string;
  start: Day;
  end: Day;
  sources: CapacitySource[];
  currencies: Set<string>;
}

/**
 * Adds up every account's commitments against the organisation's capacity:
 * the capacity file's rows when given, otherwise the plans' own Capacity rows.
 */
export function buildPortfolio(accountsIn: readonly AccountSummary[], skippedIn: readonly SkippedFile[], lang: Language, capacityFile?: CapacityFile): Portfolio {
  const accounts = [...accountsIn].sort((a, b) => compareText(a.file, b.file));
  const skipped = [...skippedIn].sort((a, b) => compareText(a.file, b.file) || compareText(a.reason, b.reason));
  const findings: PortfolioFinding[] = (capacityFile?.problems ?? []).map((message) => ({ rule: 'capacity-file-value' as const, message }));
  const byFile = new Map(accounts.map((a) => [a.file, a]));

  // The spans: one per team and (start, end), whoever states them.
  const drafts = new Map<string, SpanDraft>();
  const state = (row: CapacityFigure, source: CapacitySource, currency: string): void => {
    const key = spanKey(row.team, row.start, row.end);
    let d = drafts.get(key);
    if (!d) drafts.set(key, (d = { team: row.team, start: row.start, end: row.end, sources: [], currencies: new Set() }));
    d.sources.push(source);
    if (currency !== '') d.currencies.add(currency.toUpperCase());
  };
  if (capacityFile) {
    for (const row of capacityFile.rows) {
      state(row, { file: capacityFile.file, account: '', availableHours: row.availableHours, budget: row.budget, unread: row.unread, sheet: row.sheet, row: row.row }, capacityFile.currency);
    }
  } else {
    for (const a of accounts) {
      for (const row of a.capacity) {
        state(row, { file: a.file, account: a.account, availableHours: row.availableHours, budget: row.budget, unread: row.unread, sheet: row.sheet, row: row.row }, a.currency);
      }
    }
  }

  // One plan holding every account's commitments and the spans as its Capacity rows:
  // the same ledger as a single plan's check, so "committed in a span" means the same.
  const owners = new Map<Commitment, { account: AccountSummary; item: PortfolioCommitment }>();
  const commitments: Commitment[] = [];
  for (const a of accounts) {
    for (const item of a.load) {
      const c: Commitment = {
        sheet: item.sheet,
        row: commitments.length + 1,
        letters: {},
        id: item.id,
        commitment: item.commitment,
        supports: [],
        side: 'ours',
        owner: '',
        clientCounterpart: '',
        due: item.due,
        team: item.team,
        effortHours: item.hours,
        cost: item.cost,
        approvedBy: '',
        approvedTerms: '',
        status: 'planned',
        ...(item.unread ? { unread: item.unread } : {}),
      };
      owners.set(c, { account: a, item });
      commitments.push(c);
    }
  }
  const spanList = [...drafts.values()].sort(
    (a, b) => compareText(matchKey(a.team), matchKey(b.team)) || a.start - b.start || a.end - b.end,
  );
  const chosen = spanList.map((d) => {
    // A figure one plan cannot read is left out when another plan states it; when none can, the span is not judged on it.
    const readable = (key: 'availableHours' | 'budget'): number[] => d.sources.filter((s) => !s.unread?.includes(key)).map((s) => s[key] ?? 0);
    const hours = readable('availableHours');
    const budgets = readable('budget');
    const unread = [...(hours.length === 0 ? ['availableHours'] : []), ...(budgets.length === 0 ? ['budget'] : [])];
    return { draft: d, availableHours: hours.length ? Math.min(...hours) : 0, budget: budgets.length ? Math.min(...budgets) : 0, unread };
  });
  const capacityRows: CapacityRow[] = chosen.map((c, i) => ({
    sheet: 'Capacity',
    row: i + 1,
    letters: {},
    team: c.draft.team,
    start: c.draft.start,
    end: c.draft.end,
    availableHours: c.availableHours,
    budget: c.budget,
    ...(c.unread.length > 0 ? { unread: c.unread } : {}),
  }));
  const whole: Plan = {
    language: lang,
    summary: { account: '', kam: '', currency: '', internalSponsor: '', clientSponsor: '', signOffBy: '', cells: {} },
    knowledge: [],
    learning: [],
    stakeholders: [],
    vision: [],
    commitments,
    capacity: capacityRows,
    sheets: {},
  };
  const ledger = capacityLedger(whole);

  const sharesOf = (list: readonly Commitment[]): AccountShare[] => {
    const byFile = new Map<string, AccountShare>();
    for (const c of list) {
      const o = owners.get(c)!;
      let share = byFile.get(o.account.file);
      if (!share) byFile.set(o.account.file, (share = { file: o.account.file, account: o.account.account, hours: 0, cost: 0, commitments: [] }));
      share.hours = round2(share.hours + o.item.hours);
      share.cost = round2(share.cost + o.item.cost);
      share.commitments.push(o.item);
    }
    const shares = [...byFile.values()].sort((a, b) => compareText(a.file, b.file));
    for (const s of shares) s.commitments.sort((a, b) => a.due - b.due || compareText(a.cell, b.cell));
    return shares;
  };

  const teams: TeamSpan[] = ledger.loads.map((load, i) => {
    const { draft, availableHours, budget } = chosen[i];
    const shares = sharesOf(ledger.commitmentsIn(load));
    const currencies = new Set(draft.currencies);
    for (const s of shares) {
      const currency = byFile.get(s.file)?.currency ?? '';
      if (currency !== '') currencies.add(currency.toUpperCase());
    }
    const budgetNotJudged = currencies.size > 1;
    const span = spanText(draft.start, draft.end);
    const distinct = new Set(draft.sources.map((s) => `${s.availableHours ?? ''}|${s.budget ?? ''}`));
    if (distinct.size > 1) {
      // Grouped by figure, so the odd one out stands out: "300 hours, budget 55000: A, B; 350 hours, budget 55000: C".
      const groups = new Map<string, string[]>();
      for (const s of draft.sources) {
        const stated = `${figure(s.availableHours, lang)} ${WORDS.hours[lang]}, ${WORDS.budget[lang]} ${figure(s.budget, lang)}`;
        const who = capacityFile ? `${s.sheet} ${WORDS.row[lang]} ${s.row}` : accountName(s);
        const list = groups.get(stated);
        if (list) list.push(who);
        else groups.set(stated, [who]);
      }
      const figures = [...groups.entries()].map(([stated, who]) => `${stated}: ${who.join(', ')}`).join('; ');
      findings.push({
        rule: 'capacity-disagrees',
        message: say(capacityFile ? WORDS.disagreesFile : WORDS.disagrees, lang, { team: draft.team, span, figures, file: capacityFile?.file ?? '' }),
      });
    }
    if (budgetNotJudged) {
      findings.push({ rule: 'mixed-currencies', message: say(WORDS.mixed, lang, { team: draft.team, span, currencies: [...currencies].sort().join(', ') }) });
    }
    return {
      team: draft.team,
      start: draft.start,
      end: draft.end,
      availableHours,
      budget,
      sources: draft.sources,
      committedHours: load.committedHours,
      committedCost: load.committedCost,
      overHours: load.overHours,
      overBudget: load.overBudget && !budgetNotJudged,
      budgetNotJudged,
      unjudged: load.unjudged.length > 0,
      shares,
    };
  });

  const uncoveredByTeam = new Map<string, Commitment[]>();
  for (const c of commitments) {
    if (ledger.standing(c)?.covered) continue;
    const key = matchKey(c.team);
    const list = uncoveredByTeam.get(key);
    if (list) list.push(c);
    else uncoveredByTeam.set(key, [c]);
  }
  const uncovered: UncoveredLoad[] = [...uncoveredByTeam.entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([, list]) => {
      const shares = sharesOf(list);
      return {
        team: owners.get(list[0])!.item.team,
        hours: round2(shares.reduce((n, s) => n + s.hours, 0)),
        cost: round2(shares.reduce((n, s) => n + s.cost, 0)),
        shares,
      };
    });

  const conflicts: Conflict[] = teams
    .filter((t) => t.overHours || t.overBudget)
    .map((t) => ({
      span: t,
      overHours: t.overHours,
      overBudget: t.overBudget,
      onlyWhenAddedUp: t.shares.every((s) => (!t.overHours || s.hours <= t.availableHours) && (!t.overBudget || s.cost <= t.budget)),
    }));

  const byAccount = new Map<string, AccountSummary[]>();
  for (const a of accounts) {
    if (a.account.trim() === '') continue;
    const key = matchKey(a.account);
    const list = byAccount.get(key);
    if (list) list.push(a);
    else byAccount.set(key, [a]);
  }
  for (const list of byAccount.values()) {
    if (list.length < 2) continue;
    findings.push({ rule: 'same-account', message: say(WORDS.sameAccount, lang, { files: list.map((a) => a.file).join(', '), account: list[0].account.trim() }) });
  }

  return {
    language: lang,
    accounts,
    skipped,
    capacitySource: capacityFile ? 'file' : 'plans',
    capacityFile: capacityFile?.file,
    teams,
    uncovered,
    conflicts,
    findings,
  };
}

function figure(v: number | undefined, lang: Language): string {
  return v === undefined ? WORDS.blank[lang] : String(v);
}

/** Sums of typed amounts, to the cent, as the ledger rounds them. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Load of a span as a share of its capacity (hours), for reports and charts; undefined when no hours are available. */
export function hoursRatio(t: TeamSpan): number | undefined {
  return t.availableHours > 0 ? t.committedHours / t.availableHours : undefined;
}

export function budgetRatio(t: TeamSpan): number | undefined {
  return t.budget > 0 && !t.budgetNotJudged ? t.committedCost / t.budget : undefined;
}
