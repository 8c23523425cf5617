import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plateEditCost } from './edit-cost.ts';

describe('plateEditCost', () => {
  it('counts insertion, deletion, substitution and adjacent transposition as one edit each', () => {
    assert.equal(plateEditCost('FC852009', 'FC8520009'), 1);
    assert.equal(plateEditCost('FC852009', 'FC85209'), 1);
    assert.equal(plateEditCost('FC852009', 'FC852709'), 1);
    assert.equal(plateEditCost('FC852009', 'FC825009'), 1);
  });

  it('charges half an edit for characters that are misread on plates', () => {
    for (const [a, b] of [
      ['0', 'O'],
      ['1', 'I'],
      ['1', 'L'],
      ['8', 'B'],
      ['5', 'S'],
      ['2', 'Z'],
      ['6', 'G'],
    ]) {
      assert.equal(plateEditCost(`FC85${a}0`, `FC85${b}0`), 0.5);
    }
    assert.equal(plateEditCost('FC852009', 'FC8S2OO9'), 1.5);
  });

  it('counts a swap around a dropped or an added character as two edits, not three', () => {
    assert.equal(plateEditCost('VS39S1827K8UU', '3V9S1827K8UU'), 2);
    assert.equal(plateEditCost('TES2M33565', 'TES2M336255'), 2);
    assert.equal(plateEditCost('VSF3M553446', 'VSF5353446'), 2);
  });

  it('charges any two slips at most two edits', () => {
    const slip = (s: string, kind: number, at: number, ch: string) => {
      const i = at % (s.length + 1);
      if (kind === 0) return s.slice(0, i) + ch + s.slice(i);
      if (i >= s.length) return s;
      if (kind === 1) return s.slice(0, i) + s.slice(i + 1);
      if (kind === 2) return s.slice(0, i) + ch + s.slice(i + 1);
      return i + 1 < s.length ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
    };
    const step = fc.tuple(fc.nat(3), fc.nat(), fc.constantFrom(...'AB01O8C'));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AB01O8C'), maxLength: 9 }), step, step, (s, a, b) => {
        const typed = slip(slip(s, ...a), ...b);
        assert.ok(plateEditCost(s, typed) <= 2, `${s} → ${typed}`);
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up with Infinity once the cost passes the limit', () => {
    assert.equal(plateEditCost('FC852009', 'HD786560', 2), Infinity);
  });

  it('gives the full cost within a limit, whatever the band around the diagonal leaves out', () => {
    const text = fc.string({ unit: fc.constantFrom(...'AB01O8C'), maxLength: 10 });
    fc.assert(
      fc.property(text, text, fc.constantFrom(0, 0.5, 1, 1.5, 2, 3), (a, b, limit) => {
        const full = plateEditCost(a, b);
        assert.equal(
          plateEditCost(a, b, limit),
          full <= limit ? full : Infinity,
          `${a} → ${b} within ${limit}`,
        );
      }),
      { numRuns: 20000 },
    );
  });
});
