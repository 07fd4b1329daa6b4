// Capacity: what each team has committed in each capacity span, with the same
// meaning as the Capacity sheet's live SUMIFS formulas, and which commitments
// fall in a span that is overloaded. Sorted per team with prefix sums, so ten
// thousand rows cost n·log n, not n².

import { matchKey } from './contract';
import { CapacityRow, Commitment, isUnread, Plan } from './plan';

/** Our side and joint commitments use our capacity (a blank side counts as ours); cancelled ones do not. */
export function consumesCapacity(c: Commitment): boolean {
  return c.side !== 'client' && c.status !== 'cancelled';
}

export interface CapacityLoad {
  capacity: CapacityRow;
  /** Sums of the readable effort and cost, as the live formulas compute them (they skip text). */
  committedHours: number;
  committedCost: number;
  /**
   * Certainly over: the readable hours already pass the available hours. Blank
   * available hours or budget count as zero (capacity nobody wrote down is
   * capacity nobody promised); unreadable ones are never judged.
   */
  overHours: boolean;
  overBudget: boolean;
  /**
   * What keeps the span from being judged (empty when it can be): its own
   * available hours or budget cannot be read, or the effort or cost of a
   * commitment in it cannot (and what can be read is not already over).
   */
  unjudged: Unjudged[];
}

/** One cell that keeps a capacity span from being judged. */
export interface Unjudged {
  /** The record whose cell cannot be read: the capacity row itself or a commitment in its span. */
  record: CapacityRow | Commitment;
  key: 'availableHours' | 'budget' | 'effortHours' | 'cost' | 'start' | 'end';
}

/** Where one commitment stands against its team's capacity. */
export interface CapacityStanding {
  /** Some capacity row of its team covers its due date. */
  covered: boolean;
  overHours: boolean;
  overBudget: boolean;
  /** A span covering it cannot be judged (and is not certainly over): nothing shows it can be delivered. */
  unjudged: boolean;
}

export interface CapacityLedger {
  /** One per Capacity row, in sheet order. */
  loads: CapacityLoad[];
  /** Teams (match keys) with at least one capacity row. */
  teams: ReadonlySet<string>;
  /** Capacity rows whose start or end cannot be read, by team match key: their span is unknown, so they cover nothing. */
  unplaced: ReadonlyMap<string, CapacityRow[]>;
  /** Standing of each capacity-consuming commitment that has a team and a due date. */
  standing(c: Commitment): CapacityStanding | undefined;
  /** The commitments counted in a load, in due-date order; the first `limit` of them when given. */
  commitmentsIn(load: CapacityLoad, limit?: number): Commitment[];
  /** How many commitments a load counts. */
  countIn(load: CapacityLoad): number;
}

interface TeamBook {
  /** Commitments of the team, sorted by due date. */
  sorted: Commitment[];
  dues: number[];
  /** prefixHours[i] = hours of sorted[0..i-1]. */
  prefixHours: number[];
  prefixCost: number[];
}

export function capacityLedger(plan: Plan): CapacityLedger {
  const books = new Map<string, TeamBook>();
  for (const c of plan.commitments) {
    if (!consumesCapacity(c) || c.due === undefined || c.team === '') continue;
    const key = matchKey(c.team);
    let book = books.get(key);
    if (!book) books.set(key, (book = { sorted: [], dues: [], prefixHours: [0], prefixCost: [0] }));
    book.sorted.push(c);
  }
  for (const book of books.values()) {
    book.sorted.sort((a, b) => (a.due as number) - (b.due as number) || a.row - b.row);
    for (const c of book.sorted) {
      book.dues.push(c.due as number);
      book.prefixHours.push(book.prefixHours[book.prefixHours.length - 1] + (c.effortHours ?? 0));
      book.prefixCost.push(book.prefixCost[book.prefixCost.length - 1] + (c.cost ?? 0));
    }
  }

  // Per team, a difference array over the sorted commitments marks which fall in
  // a covering span and which in an overloaded one.
  const marks = new Map<string, { cover: number[]; hours: number[]; cost: number[]; unjudged: number[] }>();
  const teams = new Set<string>();
  const unplaced = new Map<string, CapacityRow[]>();
  const ranges = new Map<CapacityLoad, { book?: TeamBook; lo: number; hi: number }>();
  const loads: CapacityLoad[] = plan.capacity.map((row) => {
    const key = matchKey(row.team);
    if (key !== '') teams.add(key);
    const book = books.get(key);
    let lo = 0;
    let hi = -1;
    if (book && key !== '' && row.start !== undefined && row.end !== undefined && row.end >= row.start) {
      lo = lowerBound(book.dues, row.start);
      hi = lowerBound(book.dues, row.end + 1) - 1;
    }
    const committedHours = hi >= lo && book ? round2(book.prefixHours[hi + 1] - book.prefixHours[lo]) : 0;
    const committedCost = hi >= lo && book ? round2(book.prefixCost[hi + 1] - book.prefixCost[lo]) : 0;
    const inSpan = hi >= lo && book ? book.sorted.slice(lo, hi + 1) : [];
    const hoursUnread = isUnread(row, 'availableHours');
    const budgetUnread = isUnread(row, 'budget');
    const overHours = !hoursUnread && committedHours > (row.availableHours ?? 0);
    const overBudget = !budgetUnread && committedCost > (row.budget ?? 0);
    const unjudged: Unjudged[] = [];
    if (!overHours) {
      if (hoursUnread) unjudged.push({ record: row, key: 'availableHours' });
      for (const c of inSpan) if (isUnread(c, 'effortHours')) unjudged.push({ record: c, key: 'effortHours' });
    }
    if (!overBudget) {
      if (budgetUnread) unjudged.push({ record: row, key: 'budget' });
      for (const c of inSpan) if (isUnread(c, 'cost')) unjudged.push({ record: c, key: 'cost' });
    }
    if (key !== '' && (isUnread(row, 'start') || isUnread(row, 'end'))) {
      const list = unplaced.get(key);
      if (list) list.push(row);
      else unplaced.set(key, [row]);
    }
    const load: CapacityLoad = { capacity: row, committedHours, committedCost, overHours, overBudget, unjudged };
    ranges.set(load, { book, lo, hi });
    if (book && hi >= lo) {
      let m = marks.get(key);
      if (!m) {
        const n = book.sorted.length + 1;
        const zeros = (): number[] => new Array<number>(n).fill(0);
        marks.set(key, (m = { cover: zeros(), hours: zeros(), cost: zeros(), unjudged: zeros() }));
      }
      m.cover[lo]++;
      m.cover[hi + 1]--;
      if (load.overHours) {
        m.hours[lo]++;
        m.hours[hi + 1]--;
      }
      if (load.overBudget) {
        m.cost[lo]++;
        m.cost[hi + 1]--;
      }
      if (load.unjudged.length > 0) {
        m.unjudged[lo]++;
        m.unjudged[hi + 1]--;
      }
    }
    return load;
  });

  const standings = new Map<Commitment, CapacityStanding>();
  for (const [key, book] of books) {
    const m = marks.get(key);
    let cover = 0;
    let hours = 0;
    let cost = 0;
    let unknown = 0;
    book.sorted.forEach((c, i) => {
      if (m) {
        cover += m.cover[i];
        hours += m.hours[i];
        cost += m.cost[i];
        unknown += m.unjudged[i];
      }
      standings.set(c, { covered: cover > 0, overHours: hours > 0, overBudget: cost > 0, unjudged: unknown > 0 });
    });
  }

  return {
    loads,
    teams,
    unplaced,
    standing: (c) => standings.get(c),
    commitmentsIn: (load, limit = Infinity) => {
      const r = ranges.get(load);
      return r && r.book && r.hi >= r.lo ? r.book.sorted.slice(r.lo, Math.min(r.hi + 1, r.lo + limit)) : [];
    },
    countIn: (load) => {
      const r = ranges.get(load);
      return r && r.book && r.hi >= r.lo ? r.hi - r.lo + 1 : 0;
    },
  };
}

/** First index whose value is >= target. */
function lowerBound(sorted: number[], target: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sums of typed amounts: cents are the finest grain a plan uses, and this keeps 0.1 + 0.2 from showing. */
function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
