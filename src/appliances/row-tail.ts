import type { TrieRows } from './key-segment.ts';

/**
 * Finding the keys below a trie node that go on with a known rest of the query, in one search.
 * Once a fuzzy walk has spent every edit it may, a key can only go on with exactly the rest of
 * the query from each alive column, so walking it character by character (two binary searches
 * and a dynamic-programming row per character) finds what one lower-bound search finds.
 *
 * A row matches when its bytes from depth `d` are `tail[from, to)` followed by the 0 padding,
 * i.e. its key ends right there. Keys longer than the row width are cut at it, as the walk
 * sees them: a tail that reaches the width exactly matches every row carrying it, whatever the
 * cut key goes on with, and a tail that would run past the width matches nothing.
 */

/**
 * The first rank in `[lo, hi)` whose row, from depth `d` on, is not below `tail[from, to)`
 * (0-padded), or `hi`. The rows of `[lo, hi)` must share their first `d` bytes, as a trie
 * node's do; the matching rows start here and run on while {@link rowHasTail} holds.
 */
export function tailStart(
  t: TrieRows,
  lo: number,
  hi: number,
  d: number,
  tail: Uint8Array,
  from: number,
  to: number,
): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareTail(t, mid, d, tail, from, to) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether row `r` goes on from depth `d` with exactly `tail[from, to)` and ends there (or at the width). */
export function rowHasTail(
  t: TrieRows,
  r: number,
  d: number,
  tail: Uint8Array,
  from: number,
  to: number,
): boolean {
  return d + to - from <= t.width && compareTail(t, r, d, tail, from, to) === 0;
}

/**
 * Row `r` from depth `d` against `tail[from, to)` followed by 0s, up to the row width: below 0
 * when the row sorts first. Keys hold no 0 byte, so the first 0 of a row is where its key
 * ends, and comparing one byte past the tail decides.
 */
function compareTail(t: TrieRows, r: number, d: number, tail: Uint8Array, from: number, to: number): number {
  const { rows, width } = t;
  const base = r * width + d - from;
  const end = Math.min(to + 1, from + width - d);
  for (let x = from; x < end; x++) {
    const diff = rows[base + x]! - (x < to ? tail[x]! : 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
