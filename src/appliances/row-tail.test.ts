import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TrieRows } from './key-segment.ts';
import { rowHasTail, tailStart } from './row-tail.ts';

/** Sorted keys as 0-padded rows of `width` bytes, cut at the width like the fuzzy walk's tries. */
function trieRows(keys: string[], width: number): TrieRows {
  const sorted = [...keys].sort();
  const rows = new Uint8Array(sorted.length * width);
  for (const [r, key] of sorted.entries()) {
    for (let d = 0; d < Math.min(key.length, width); d++) rows[r * width + d] = key.charCodeAt(d);
  }
  return { rows, width, keys: Uint32Array.from(sorted.keys()), table: new Uint32Array(0), depth: 2 };
}

const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

/** The rows in `[lo, hi)` (sharing their first `d` bytes) that go on with exactly `tail`. */
function withTail(t: TrieRows, lo: number, hi: number, d: number, tail: string): number[] {
  // Written into a longer buffer at an offset, as the walk passes the query's rest.
  const q = bytes(`XY${tail}Z`);
  const found: number[] = [];
  for (
    let r = tailStart(t, lo, hi, d, q, 2, 2 + tail.length);
    r < hi && rowHasTail(t, r, d, q, 2, 2 + tail.length);
    r++
  ) {
    found.push(r);
  }
  return found;
}

describe('tailStart and rowHasTail', () => {
  // Ranks: 0 AB, 1 AB1, 2 AB12, 3 AB123, 4 AB13, 5 AC1
  const t = trieRows(['AB', 'AB1', 'AB12', 'AB123', 'AB13', 'AC1'], 6);

  it('finds the rows that go on with exactly the tail and end there', () => {
    assert.deepEqual(withTail(t, 0, 5, 2, '12'), [2]);
    assert.deepEqual(withTail(t, 0, 5, 2, '1'), [1]);
    assert.deepEqual(withTail(t, 0, 5, 2, '123'), [3]);
    assert.deepEqual(withTail(t, 0, 6, 1, 'C1'), [5]);
  });

  it('finds nothing for a tail that no row has, between, before or after the rows', () => {
    assert.deepEqual(withTail(t, 0, 5, 2, '11'), []);
    assert.deepEqual(withTail(t, 0, 5, 2, '0'), []);
    assert.deepEqual(withTail(t, 0, 5, 2, '9'), []);
    assert.equal(tailStart(t, 0, 5, 2, bytes('9'), 0, 1), 5);
  });

  it('matches the row that ends at the node for an empty tail', () => {
    assert.deepEqual(withTail(t, 0, 5, 2, ''), [0]);
    assert.deepEqual(withTail(t, 1, 5, 2, ''), []);
  });

  it('keeps to the ranks it is given', () => {
    assert.deepEqual(withTail(t, 3, 5, 2, '12'), []);
    assert.deepEqual(withTail(t, 0, 2, 2, '12'), []);
  });

  it('finds every row whose key, cut at the width, ends with the tail at the width', () => {
    // Width 4: ABCDE and ABCDF are both ABCD as the walk sees them; ABC ends before the width.
    const cut = trieRows(['ABC', 'ABCDE', 'ABCDF', 'ABCE'], 4);
    assert.deepEqual(withTail(cut, 0, 4, 2, 'CD'), [1, 2]);
    assert.deepEqual(withTail(cut, 0, 4, 2, 'C'), [0]);
  });

  it('finds nothing for a tail longer than what is left of the width', () => {
    const cut = trieRows(['ABC', 'ABCDE', 'ABCDF', 'ABCE'], 4);
    assert.deepEqual(withTail(cut, 0, 4, 2, 'CDE'), []);
    assert.deepEqual(withTail(t, 0, 5, 2, '12345'), []);
  });
});
