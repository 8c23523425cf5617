import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseModel } from './normalise-model.ts';

describe('normaliseModel', () => {
  it('turns fc 8520-09, FC852009 and FC8520/09 into the same key', () => {
    assert.equal(normaliseModel('fc 8520-09'), 'FC852009');
    assert.equal(normaliseModel('FC852009'), 'FC852009');
    assert.equal(normaliseModel('FC8520/09'), 'FC852009');
  });

  it('drops dots, underscores and other punctuation', () => {
    assert.equal(normaliseModel('ECAM22.110.B'), 'ECAM22110B');
    assert.equal(normaliseModel('1.198-105.0'), '11981050');
    assert.equal(normaliseModel(' vs15_a6031 (r1)/ge! '), 'VS15A6031R1GE');
  });

  it('folds diacritics to their base letters', () => {
    assert.equal(normaliseModel('VX8-4-ÖKO'), 'VX84OKO');
    assert.equal(normaliseModel('Kärcher é'), 'KARCHERE');
    assert.equal(normaliseModel('straße'), 'STRASSE');
  });

  it('returns an empty key when nothing identifying is left', () => {
    assert.equal(normaliseModel(' -/. '), '');
  });
});
