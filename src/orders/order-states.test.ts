import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canTransition, ORDER_STATUSES, orderTransitions, transition } from './order-states.ts';

describe('the order lifecycle', () => {
  it('lets a placed order be paid, packed, shipped and delivered, in that order', () => {
    const path = ['awaiting_payment', 'paid', 'packed', 'shipped', 'delivered'];
    for (let i = 1; i < path.length; i++) assert.ok(canTransition(path[i - 1]!, path[i]!), path[i]);
    assert.equal(canTransition('awaiting_payment', 'shipped'), false);
  });

  it('refuses to cancel a shipped order or to ship a refunded one', () => {
    assert.deepEqual(transition('shipped', 'cancelled'), {
      ok: false,
      reason: 'transition-not-allowed',
      from: 'shipped',
      to: 'cancelled',
    });
    assert.equal(canTransition('refunded', 'shipped'), false);
  });

  it('lets the customer cancel until shipping and withdraw until delivery, then only refund', () => {
    for (const from of ['awaiting_payment', 'paid', 'packed'])
      assert.ok(canTransition(from, 'cancelled'), from);
    assert.equal(canTransition('delivered', 'cancelled'), false);
    for (const from of ['awaiting_payment', 'paid', 'packed', 'shipped', 'delivered'])
      assert.ok(canTransition(from, 'withdrawn'), from);
    assert.deepEqual(orderTransitions.withdrawn, ['refunded']);
    assert.equal(canTransition('cancelled', 'withdrawn'), false);
    assert.equal(canTransition('refunded', 'withdrawn'), false);
  });

  it('ends in cancelled or refunded, and knows no status outside the map', () => {
    assert.deepEqual(orderTransitions.cancelled, []);
    assert.deepEqual(orderTransitions.refunded, []);
    assert.equal(canTransition('paid', 'lost'), false);
    assert.equal(canTransition('toString', 'paid'), false);
    for (const from of ORDER_STATUSES)
      for (const to of orderTransitions[from]) assert.ok(ORDER_STATUSES.includes(to));
  });
});
