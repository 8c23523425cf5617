import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { StringColumn } from './string-column.ts';

describe('StringColumn', () => {
  it('compares rows like the strings they hold', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const column = new StringColumn();
        const ra = column.push(a);
        const rb = column.push(b);
        assert.equal(Math.sign(column.compare(ra, rb)), a < b ? -1 : a > b ? 1 : 0);
        assert.equal(column.compare(ra, ra), 0);
      }),
      { numRuns: 500 },
    );
  });
});
