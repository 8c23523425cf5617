/** How a hit was found; the order of {@link TIER} is the ranking order. */
export type MatchKind = 'exact' | 'alias' | 'prefix' | 'fuzzy';

export const TIER: Record<MatchKind, number> = { exact: 0, alias: 0, prefix: 1, fuzzy: 2 };

/** `alias` is the key index of the matched alias in `segment`, or -1 when the model matched. */
export type Candidate = {
  slot: number;
  kind: MatchKind;
  halves: number;
  /** How plausible the typo is (see typo-likelihood.ts); 1 for exact, alias and prefix hits. */
  likelihood: number;
  segment: unknown;
  alias: number;
};

/**
 * Keeps the best `limit` candidates, one per slot, without sorting everything a prefix scan
 * or fuzzy walk produces. `before(a, b)` is the ranking: true when `a` ranks before `b`.
 */
export class TopHits {
  readonly items: Candidate[] = [];

  constructor(
    readonly limit: number,
    private readonly before: (a: Candidate, b: Candidate) => boolean,
  ) {}

  /** The last of a full list, which a newcomer must beat; undefined while there is room. */
  get worst(): Candidate | undefined {
    return this.items.length < this.limit ? undefined : this.items[this.items.length - 1];
  }

  /** Whether a candidate of this tier could still enter the list. */
  wants(tier: number): boolean {
    if (this.items.length < this.limit) return true;
    return TIER[this.items[this.items.length - 1]!.kind] >= tier;
  }

  offer(c: Candidate): void {
    const items = this.items;
    const same = items.findIndex((x) => x.slot === c.slot);
    if (same >= 0) {
      if (!this.before(c, items[same]!)) return;
      items.splice(same, 1);
    } else if (items.length === this.limit && !this.before(c, items[items.length - 1]!)) {
      return;
    }
    let i = items.length;
    while (i > 0 && this.before(c, items[i - 1]!)) i--;
    items.splice(i, 0, c);
    if (items.length > this.limit) items.pop();
  }
}
