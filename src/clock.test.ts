import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemClock } from './clock.ts';

describe('the system clock', () => {
  it('tells the current millisecond, one instant per millisecond', async () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now.epochMilliseconds >= before && now.epochMilliseconds <= Date.now());
    const later = await new Promise<number>((done) => setTimeout(() => done(Date.now()), 5));
    assert.ok(systemClock.now().epochMilliseconds >= later);
    const a = systemClock.now();
    const b = systemClock.now();
    assert.ok(a === b || b.epochMilliseconds > a.epochMilliseconds);
  });
});
