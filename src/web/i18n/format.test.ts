import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDay, formatPrice } from './format.ts';

describe('formatDay', () => {
  it('writes a calendar date in each form, in both languages', () => {
    assert.equal(formatDay('2026-12-01', 'nl', 'full'), 'dinsdag 1 december 2026');
    assert.equal(formatDay('2026-12-01', 'en', 'full'), 'Tuesday, 1 December 2026');
    assert.equal(formatDay('2026-12-01', 'nl'), 'dinsdag 1 december');
    assert.equal(formatDay('2026-12-01', 'en', 'day'), 'Tuesday 1 December');
    assert.equal(formatDay('2026-12-01', 'nl', 'weekday'), 'dinsdag');
    assert.equal(formatDay('2026-12-01', 'nl', 'short'), 'di 1 dec 2026');
    assert.equal(formatDay('2026-12-01', 'en', 'short'), 'Tue, 1 Dec 2026');
  });

  it('keeps the date whatever the time zone of the process', () => {
    // a date has no time of day: the last and the first day of a year stay themselves
    assert.equal(formatDay('2026-12-31', 'en', 'full'), 'Thursday, 31 December 2026');
    assert.equal(formatDay('2027-01-01', 'en', 'full'), 'Friday, 1 January 2027');
  });
});

describe('formatPrice', () => {
  it('writes cents as euros in the custom of each language', () => {
    assert.equal(formatPrice(1295, 'nl').replace(/\s/g, ' '), '€ 12,95');
    assert.equal(formatPrice(1295, 'en'), '€12.95');
  });
});
