import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, predictInterval } from './predict-interval.ts';

describe('predicting how often a consumable runs out', () => {
  it('takes the median gap between the customer’s own orders', () => {
    assert.equal(predictInterval(['2026-01-01', '2026-02-26', '2026-04-23']), 56);
    // one forgotten order (a double gap) barely moves it
    assert.equal(predictInterval(['2026-01-01', '2026-02-26', '2026-04-23', '2026-08-13', '2026-10-08']), 56);
  });

  it('averages the two middle gaps when there is an even number of them', () => {
    assert.equal(predictInterval(['2026-01-01', '2026-01-31', '2026-03-11']), 35);
  });

  it('does not guess from one purchase; two orders on one day count as one', () => {
    assert.equal(predictInterval([]), null);
    assert.equal(predictInterval(['2026-03-01']), null);
    assert.equal(predictInterval(['2026-03-01', '2026-03-01']), null);
  });

  it('keeps the prediction within the range a customer may choose', () => {
    assert.equal(predictInterval(['2026-03-01', '2026-03-02']), MIN_INTERVAL_DAYS);
    assert.equal(predictInterval(['2020-01-01', '2026-01-01']), MAX_INTERVAL_DAYS);
  });

  it('counts calendar days across a daylight-saving change', () => {
    assert.equal(predictInterval(['2026-03-15', '2026-04-12']), 28);
  });
});
