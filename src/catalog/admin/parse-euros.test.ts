import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatEuros, parseEuros } from './parse-euros.ts';

describe('parseEuros', () => {
  it('reads a Dutch comma and an English dot alike', () => {
    assert.equal(parseEuros('12,95'), 1295);
    assert.equal(parseEuros('12.95'), 1295);
  });

  it('reads whole euros, one decimal, a euro sign and surrounding spaces', () => {
    assert.equal(parseEuros('12'), 1200);
    assert.equal(parseEuros('12,5'), 1250);
    assert.equal(parseEuros(' € 0,99 '), 99);
    assert.equal(parseEuros('0'), 0);
  });

  it('refuses three decimals instead of guessing a thousands separator', () => {
    assert.equal(parseEuros('12,955'), null);
    assert.equal(parseEuros('1.234'), null);
  });

  it('refuses empty text, signs, letters and two separators', () => {
    for (const text of ['', ' ', '-1', '+1', 'abc', '12,95 EUR', '1.234,56', '12,', ',95', '1e3']) {
      assert.equal(parseEuros(text), null, text);
    }
  });

  it('formats cents back the way each language types them, so an unchanged form saves the same price', () => {
    assert.equal(formatEuros(1295, 'nl'), '12,95');
    assert.equal(formatEuros(1205, 'en'), '12.05');
    for (const cents of [0, 1, 99, 100, 123456]) assert.equal(parseEuros(formatEuros(cents, 'nl')), cents);
  });
});
