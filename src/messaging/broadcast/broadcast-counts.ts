import type { Decision } from '../gateway/contract.ts';

/** What the preview shows and what sending reports: the same shape, so they can be compared. */
export type BroadcastCounts = {
  total: number;
  /** Sent at once. */
  now: number;
  /** Held for quiet hours or days (they get it later), by reason, with the earliest moment they get it. */
  held: Record<string, { count: number; from: string }>;
  /** Not reached now, by reason: dropped, or (over their limit) put in their digest. */
  excluded: Record<string, number>;
};

export function emptyCounts(): BroadcastCounts {
  return { total: 0, now: 0, held: {}, excluded: {} };
}

/** Counts decisions the way the staff preview explains them, added to `into` (a fresh count by default). */
export function countDecisions(
  decisions: readonly Decision[],
  into: BroadcastCounts = emptyCounts(),
): BroadcastCounts {
  const counts = into;
  counts.total += decisions.length;
  for (const d of decisions) {
    if (d.action === 'send') counts.now++;
    else if (d.action === 'hold') {
      const h = counts.held[d.reason];
      if (!h) counts.held[d.reason] = { count: 1, from: d.until };
      else {
        h.count++;
        if (d.until < h.from) h.from = d.until;
      }
    } else if (d.action === 'digest') counts.excluded.digest = (counts.excluded.digest ?? 0) + 1;
    else counts.excluded[d.reason] = (counts.excluded[d.reason] ?? 0) + 1;
  }
  return counts;
}

/** How many the counts reach, now and later. */
export function reachOf(counts: BroadcastCounts): number {
  return counts.now + Object.values(counts.held).reduce((n, h) => n + h.count, 0);
}
