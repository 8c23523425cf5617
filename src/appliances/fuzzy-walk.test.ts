import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { MISREAD_FOLD, plateEditCost } from './edit-cost.ts';
import { fuzzyWalk } from './fuzzy-walk.ts';
import { DEEP_TABLE_ROWS, KeySegmentBuilder } from './key-segment.ts';

const fold = (s: string) => String.fromCharCode(...[...s].map((ch) => MISREAD_FOLD[ch.charCodeAt(0)]!));
const key = fc.string({ unit: fc.constantFrom(...'AB01O8C'), minLength: 1, maxLength: 9 });

describe('fuzzyWalk', () => {
  it('emits exactly the model keys within k edits after folding misreadings', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key, { maxLength: 40 }), key, fc.constantFrom(1, 2), (keys, query, k) => {
        const builder = new KeySegmentBuilder();
        for (const [slot, text] of keys.entries()) builder.add(text, slot, false);
        builder.add('0000000000', keys.length, true);
        const segment = builder.finish();
        const q = Uint8Array.from(query, (ch) => ch.charCodeAt(0));
        const found = new Set<string>();
        fuzzyWalk(segment, q, q.length, k, MISREAD_FOLD, (i) => found.add(keys[segment.owner[i]! >>> 1]!));
        const expected = keys.filter((text) => plateEditCost(fold(text), fold(query)) <= k);
        assert.deepEqual([...found].sort(), expected.sort());
      }),
      { numRuns: 1000 },
    );
  });
  it('emits the same keys wherever the query is split between the forward and backward walks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 40 }),
        key,
        fc.constantFrom(1, 2),
        fc.nat(),
        (keys, query, k, at) => {
          const builder = new KeySegmentBuilder();
          for (const [slot, text] of keys.entries()) builder.add(text, slot, false);
          const segment = builder.finish();
          const q = Uint8Array.from(query, (ch) => ch.charCodeAt(0));
          const found = (split?: number) => {
            const out = new Set<string>();
            fuzzyWalk(
              segment,
              q,
              q.length,
              k,
              MISREAD_FOLD,
              (i) => out.add(keys[segment.owner[i]! >>> 1]!),
              split,
            );
            return [...out].sort();
          };
          const expected = keys.filter((text) => plateEditCost(fold(text), fold(query)) <= k).sort();
          assert.deepEqual(found(1 + (at % q.length)), expected);
          assert.deepEqual(found(), expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds every long key near a long query (a model with a production code) from the long keys alone', () => {
    const text = (min: number, max: number) =>
      fc.string({ unit: fc.constantFrom(...'AB01O8C'), minLength: min, maxLength: max });
    fc.assert(
      fc.property(
        fc.uniqueArray(text(4, 16), { maxLength: 40 }),
        fc.nat(),
        text(0, 3),
        fc.constantFrom(1, 2),
        (keys, pick, tail, k) => {
          fc.pre(keys.length > 0);
          // Near one of the keys, so matches are likely: its text with a few characters added.
          const query = keys[pick % keys.length]! + tail;
          const builder = new KeySegmentBuilder();
          for (const [slot, key] of keys.entries()) builder.add(key, slot, false);
          const segment = builder.finish();
          const q = Uint8Array.from(query, (ch) => ch.charCodeAt(0));
          const found = new Set<string>();
          fuzzyWalk(segment, q, q.length, k, MISREAD_FOLD, (i) => found.add(keys[segment.owner[i]! >>> 1]!));
          const expected = keys.filter((key) => plateEditCost(fold(key), fold(query)) <= k);
          assert.deepEqual([...found].sort(), expected.sort());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds a key two characters shorter than a 12-character query searched with two edits', () => {
    // The 12-character query walks only the keys of 10 or more (LONG_KEYS): 10 must be enough.
    const keys = ['ABCDEFGH01', 'ABCDEFGH0', 'ABCDEFGH012345', 'XBCDEFGH0123'];
    const builder = new KeySegmentBuilder();
    for (const [slot, text] of keys.entries()) builder.add(text, slot, false);
    const segment = builder.finish();
    const q = Uint8Array.from('ABCDEFGH0123', (ch) => ch.charCodeAt(0));
    const found = new Set<string>();
    fuzzyWalk(segment, q, q.length, 2, MISREAD_FOLD, (i) => found.add(keys[segment.owner[i]! >>> 1]!));
    assert.deepEqual([...found].sort(), ['ABCDEFGH01', 'ABCDEFGH012345', 'XBCDEFGH0123']);
  });

  it('reads the first three levels from the deep prefix table from DEEP_TABLE_ROWS keys on, with the same result', () => {
    // Short keys (1–3 characters) and keys sharing 1–3 characters with the queries sit exactly
    // where the table replaces the binary searches.
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const alphabet = 'AB01O8CZ2';
    const keys = Array.from({ length: DEEP_TABLE_ROWS }, () => {
      let text = '';
      for (let n = 1 + (next() % 8); n > 0; n--) text += alphabet[next() % alphabet.length];
      return text;
    });
    const queries = ['AB01', 'A', 'AB', 'OB8C', 'ZZ2Z2', '0801OC', '8AC0ZB1', 'C2C2C2C2', 'BBB'];
    for (const size of [DEEP_TABLE_ROWS - 1, DEEP_TABLE_ROWS]) {
      const builder = new KeySegmentBuilder();
      for (let slot = 0; slot < size; slot++) builder.add(keys[slot]!, slot, false);
      const segment = builder.finish();
      assert.equal(segment.fwd.depth, size >= DEEP_TABLE_ROWS ? 3 : 2);
      for (const query of queries) {
        for (const k of [1, 2]) {
          const q = Uint8Array.from(query, (ch) => ch.charCodeAt(0));
          const found = new Set<number>();
          fuzzyWalk(segment, q, q.length, k, MISREAD_FOLD, (i) => found.add(segment.owner[i]! >>> 1));
          const expected: number[] = [];
          for (let slot = 0; slot < size; slot++) {
            if (plateEditCost(fold(keys[slot]!), fold(query), k) <= k) expected.push(slot);
          }
          assert.deepEqual(
            [...found].sort((a, b) => a - b),
            expected,
            `${query}, ${k} edits, ${size} keys`,
          );
        }
      }
    }
  });

  it('holds the longer-shared part of a skewed catalogue exact, with the same result', () => {
    // Every key starts with ESAM, so the split should lean on the distinctive tail.
    const keys = Array.from({ length: 300 }, (_, i) => `ESAM${String(i).padStart(3, '0')}X`);
    const builder = new KeySegmentBuilder();
    for (const [slot, text] of keys.entries()) builder.add(text, slot, false);
    const segment = builder.finish();
    const q = Uint8Array.from('ESAM1Z7X', (ch) => ch.charCodeAt(0));
    const found = new Set<string>();
    fuzzyWalk(segment, q, q.length, 1, MISREAD_FOLD, (i) => found.add(keys[segment.owner[i]! >>> 1]!));
    const expected = keys.filter((text) => plateEditCost(fold(text), fold('ESAM1Z7X')) <= 1);
    assert.deepEqual([...found].sort(), expected.sort());
    assert.ok(found.has('ESAM127X'));
  });
});
