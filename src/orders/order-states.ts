/**
 * The order lifecycle as data: each status lists the statuses it may move to. Payment and fulfilment
 * read and change an order only through `transition`, so a shipped order cannot be cancelled and a
 * refunded one cannot be shipped, whichever screen or job asks.
 */
export const orderTransitions = {
  /** Placed; waiting for the bank transfer (or the provider's payment). */
  awaiting_payment: ['paid', 'cancelled', 'withdrawn'],
  paid: ['packed', 'refunded', 'cancelled', 'withdrawn'],
  packed: ['shipped', 'refunded', 'cancelled', 'withdrawn'],
  shipped: ['delivered', 'refunded', 'withdrawn'],
  /** Within 14 days the customer may withdraw; the refund follows the return. */
  delivered: ['refunded', 'withdrawn'],
  /** Cancelled before shipping: the stock goes back; a paid order is then refunded ('refund' job). */
  cancelled: [],
  /**
   * The customer used the right of withdrawal (EU button, RELIABILITY 18). Before shipping the stock
   * goes back at once; after shipping when the parcel is returned. The refund follows.
   */
  withdrawn: ['refunded'],
  /** Paid and refunded (cancelled after payment, withdrawn, or stock gone): the stock goes back unless shipped. */
  refunded: [],
} as const satisfies Record<string, readonly string[]>;

export type OrderStatus = keyof typeof orderTransitions;

export const ORDER_STATUSES = Object.keys(orderTransitions) as OrderStatus[];

export function isOrderStatus(value: string): value is OrderStatus {
  return Object.hasOwn(orderTransitions, value);
}

/** Whether an order in `from` may move to `to`. Unknown statuses never may. */
export function canTransition(from: string, to: string): boolean {
  if (!isOrderStatus(from) || !isOrderStatus(to)) return false;
  return (orderTransitions[from] as readonly string[]).includes(to);
}

export type TransitionResult =
  | { ok: true; from: OrderStatus; to: OrderStatus }
  | { ok: false; reason: 'transition-not-allowed'; from: string; to: string };

/** The one check every status change goes through; the caller writes `to` only when `ok`. */
export function transition(from: string, to: string): TransitionResult {
  return canTransition(from, to)
    ? { ok: true, from: from as OrderStatus, to: to as OrderStatus }
    : { ok: false, reason: 'transition-not-allowed', from, to };
}
