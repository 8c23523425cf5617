/** A price that applied from `from` (ISO instant) until the next entry. */
export type PricePoint = { priceCents: number; from: string };

export type PriceDisplay = {
  currentCents: number;
  /** Set only when the current price is a reduction: the lowest price of the 30 days before the reduction (EU Omnibus). */
  lowest30DaysCents: number | null;
};

const DAY_MS = 24 * 3600 * 1000;

/**
 * The EU Omnibus rule: a reduced price must be shown next to the lowest price that applied in the 30 days
 * before the reduction. History is every price the product has had; `now` decides which one is current.
 * When the lowest price of those 30 days is not above the current price, there is no reduction to announce.
 * A reduction is announced for 30 days; after that the reduced price is simply the price.
 */
export function priceDisplay(history: PricePoint[], nowIso: string): PriceDisplay | null {
  const now = Date.parse(nowIso);
  const points = history
    .map((p) => ({ priceCents: p.priceCents, from: Date.parse(p.from) }))
    .filter((p) => p.from <= now)
    .sort((a, b) => a.from - b.from);
  const current = points.at(-1);
  if (!current) return null;
  const previous = points.at(-2);
  if (!previous || previous.priceCents <= current.priceCents || current.from < now - 30 * DAY_MS) {
    return { currentCents: current.priceCents, lowest30DaysCents: null };
  }
  // The reduction started at current.from; look at every price in force during the 30 days before it.
  const windowStart = current.from - 30 * DAY_MS;
  let lowest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < points.length - 1; i++) {
    const p = points[i]!;
    const until = points[i + 1]!.from;
    if (until > windowStart && p.from < current.from) lowest = Math.min(lowest, p.priceCents);
  }
  if (!Number.isFinite(lowest) || lowest <= current.priceCents) {
    return { currentCents: current.priceCents, lowest30DaysCents: null };
  }
  return { currentCents: current.priceCents, lowest30DaysCents: lowest };
}
