import type { PaymentStatus } from './payment-states.ts';

export type ProviderName = 'bank-transfer' | 'mollie';

/**
 * One attempt to pay an order. The first is written in the checkout transaction (RELIABILITY I3: an order
 * has its payment record); a retry after a failed online payment adds another. Never holds card data:
 * online payments happen on the provider's hosted page (PCI DSS SAQ A).
 */
export type PaymentTable = {
  id: string;
  order_id: string;
  provider: ProviderName;
  /** What the customer chose: 'bank-transfer', 'ideal', 'creditcard', 'bancontact'. */
  method: string;
  /** The provider's id (Mollie `tr_…`; `bt-<order number>` for bank transfer). Unique; null until the provider made it. */
  provider_payment_id: string | null;
  /** See payment-states.ts; changed only through its transitions map. */
  status: PaymentStatus;
  amount_cents: number;
  currency: string;
  /** The provider's hosted payment page, while the payment is open. */
  checkout_url: string | null;
  /** The provider's refund id, once refunded through the provider. */
  refund_id: string | null;
  created_at: string;
  updated_at: string;
};

export type PaymentTables = { payments: PaymentTable };
