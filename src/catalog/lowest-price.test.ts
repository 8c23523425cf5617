import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type PricePoint, priceDisplay } from './lowest-price.ts';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-11-30T12:00:00Z');
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString();
const nowIso = new Date(NOW).toISOString();

describe('the Omnibus lowest price', () => {
  it('shows no earlier price when the price was never reduced', () => {
    assert.deepEqual(priceDisplay([{ priceCents: 995, from: at(100) }], nowIso), {
      currentCents: 995,
      lowest30DaysCents: null,
    });
  });

  it('shows the lowest price of the 30 days before a reduction', () => {
    const history: PricePoint[] = [
      { priceCents: 1295, from: at(90) },
      { priceCents: 1195, from: at(25) },
      { priceCents: 1395, from: at(15) },
      { priceCents: 995, from: at(5) },
    ];
    assert.deepEqual(priceDisplay(history, nowIso), { currentCents: 995, lowest30DaysCents: 1195 });
  });

  it('ignores prices that ended more than 30 days before the reduction', () => {
    const history: PricePoint[] = [
      { priceCents: 500, from: at(100) },
      { priceCents: 1500, from: at(60) },
      { priceCents: 999, from: at(2) },
    ];
    assert.equal(priceDisplay(history, nowIso)?.lowest30DaysCents, 1500);
  });

  it('announces nothing when the price went up', () => {
    const history: PricePoint[] = [
      { priceCents: 995, from: at(40) },
      { priceCents: 1095, from: at(3) },
    ];
    assert.equal(priceDisplay(history, nowIso)?.lowest30DaysCents, null);
  });

  it('announces nothing when a briefly raised price comes back down to an earlier low', () => {
    const history: PricePoint[] = [
      { priceCents: 995, from: at(40) },
      { priceCents: 1495, from: at(10) },
      { priceCents: 995, from: at(3) },
    ];
    assert.equal(priceDisplay(history, nowIso)?.lowest30DaysCents, null);
  });

  it('stops announcing a reduction 30 days after it started', () => {
    const history: PricePoint[] = [
      { priceCents: 1295, from: at(90) },
      { priceCents: 995, from: at(31) },
    ];
    assert.equal(priceDisplay(history, nowIso)?.lowest30DaysCents, null);
  });

  it('does not use prices that start in the future', () => {
    const history: PricePoint[] = [
      { priceCents: 1295, from: at(90) },
      { priceCents: 995, from: at(-2) },
    ];
    assert.deepEqual(priceDisplay(history, nowIso), { currentCents: 1295, lowest30DaysCents: null });
  });

  it('every shown earlier price is the lowest price in force during the 30 days before the reduction (property)', () => {
    const arb = fc.array(
      fc.record({ priceCents: fc.integer({ min: 1, max: 5000 }), daysAgo: fc.integer({ min: 0, max: 120 }) }),
      {
        minLength: 1,
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        // distinct start days, so "the price in force" is well defined
        const unique = [...new Map(raw.map((p) => [p.daysAgo, p])).values()];
        const history = unique.map((p) => ({ priceCents: p.priceCents, from: at(p.daysAgo) }));
        const shown = priceDisplay(history, nowIso);
        // Reference model: walk the timeline hour by hour.
        const sorted = [...unique].sort((a, b) => b.daysAgo - a.daysAgo);
        const current = sorted.at(-1)!;
        assert.equal(shown?.currentCents, current.priceCents);
        if (shown?.lowest30DaysCents == null) return;
        const previous = sorted.at(-2)!;
        assert.ok(previous.priceCents > current.priceCents, 'only a reduction is announced');
        assert.ok(current.daysAgo <= 30, 'only a recent reduction is announced');
        let lowest = Number.POSITIVE_INFINITY;
        for (let hour = 1; hour <= 30 * 24; hour++) {
          const t = current.daysAgo + hour / 24; // days ago
          const inForce = sorted.filter((p) => p.daysAgo >= t).at(-1);
          if (inForce) lowest = Math.min(lowest, inForce.priceCents);
        }
        assert.equal(shown.lowest30DaysCents, lowest);
        assert.ok(shown.lowest30DaysCents > current.priceCents);
      }),
      { numRuns: 300 },
    );
  });
});
