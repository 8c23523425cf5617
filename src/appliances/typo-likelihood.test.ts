import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { plateEditCost } from './edit-cost.ts';
import { typoLikelihood } from './typo-likelihood.ts';

const bytes = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
/** How plausible it is that someone meaning `meant` typed `typed`. */
const likelihood = (typed: string, meant: string) => {
  const q = bytes(typed);
  const c = bytes(meant);
  return typoLikelihood(q, 0, q.length, c, 0, c.length, Math.floor(plateEditCost(typed, meant)));
};

describe('typoLikelihood', () => {
  it('finds a swap of two neighbours likelier than a wrong key', () => {
    assert.ok(likelihood('EA1243', 'EA1234') > likelihood('EA1243', 'EA1245'));
  });

  it('counts both ways of dropping one of a doubled character', () => {
    assert.equal(likelihood('EA327', 'EA3327'), 2 * likelihood('EA327', 'EA3527'));
  });

  it('finds a wrong digit among digits likelier than a letter typed for a digit', () => {
    assert.ok(likelihood('HD7865', 'HD7965') > likelihood('HD7865', 'HD7A65'));
    assert.ok(likelihood('HDX865', 'HDA865') > likelihood('HDX865', 'HD9865'));
  });

  it('finds a stray key of the kind around it likelier than one of the other kind', () => {
    assert.ok(likelihood('HD78965', 'HD7865') > likelihood('HD78X65', 'HD7865'));
  });

  it('finds a plate misreading likelier than any slip', () => {
    assert.ok(likelihood('HD7O65', 'HD7065') > likelihood('HD7665', 'HD7065'));
    assert.ok(likelihood('HD7O65', 'HD7065') > likelihood('HD7605', 'HD7065'));
  });

  it('ties equally plausible typos exactly, so the order count can decide', () => {
    assert.equal(likelihood('EA1249', 'EA1243'), likelihood('EA1249', 'EA1247'));
    assert.equal(likelihood('EA124', 'EA1243'), likelihood('EA124', 'EA1724'));
  });

  it('weighs a swap around a dropped or a stray character as two slips', () => {
    assert.ok(likelihood('3V9S', 'VS39S') > 0);
    assert.ok(likelihood('623', '36') > 0);
  });

  it('gives the same weight when looking only near the diagonal, as far as the edit cost reaches', () => {
    const key = fc.string({ unit: fc.constantFrom(...'AB01O8C'), minLength: 1, maxLength: 9 });
    fc.assert(
      fc.property(key, key, (typed, meant) => {
        const cost = plateEditCost(typed, meant);
        const q = bytes(typed);
        const c = bytes(meant);
        const banded = typoLikelihood(q, 0, q.length, c, 0, c.length, Math.floor(cost));
        const full = typoLikelihood(q, 0, q.length, c, 0, c.length, 20);
        assert.ok(Math.abs(banded - full) <= full * 1e-12, `${typed} ${meant}: ${banded} ≠ ${full}`);
        assert.ok(banded > 0);
      }),
      { numRuns: 2000 },
    );
  });
});
