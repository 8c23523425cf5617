import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  it('gives up with Infinity once the cost passes the limit', () => {
    assert.equal(plateEditCost('FC852009', 'HD786560', 2), Infinity);
  });
});
