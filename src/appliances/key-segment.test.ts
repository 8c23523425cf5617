import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { KeySegmentBuilder, keyText, lowerBound } from './key-segment.ts';

const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
// Few characters, so keys share their first three and often the next four (`head`) too.
const text = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'AB09'), minLength: min, maxLength: max });

describe('lowerBound', () => {
  it('finds the first key not below the query, for keys and queries around the three table characters and the four head characters', () => {
    fc.assert(
      fc.property(fc.uniqueArray(text(1, 10), { maxLength: 60 }), text(1, 10), (keys, query) => {
        const builder = new KeySegmentBuilder();
        for (const [slot, key] of keys.entries()) builder.add(key, slot, false);
        const s = builder.finish();
        const sorted = Array.from(s.sorted, (k) => keyText(s, k));
        const expected = sorted.filter((key) => key < query).length;
        assert.equal(lowerBound(s, bytes(query), query.length), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
