import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newId } from './ids.ts';

describe('ids', () => {
  it('are UUIDv7-shaped', () => {
    assert.match(newId(), /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sort in the order they were made, also when the clock stands still', () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_800_000_000_000));
    assert.deepEqual([...ids].sort(), ids);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('sort by time across milliseconds', () => {
    const a = newId(1_900_000_000_000);
    const b = newId(1_900_000_000_001);
    assert.ok(a < b);
  });
});
