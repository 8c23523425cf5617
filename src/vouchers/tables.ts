/**
 * A voucher (a discount code) or a gift card (a code with a balance): one table, `kind` says which.
 * Voucher: `amount_cents` (fixed discount) or `percent` (of the items), `max_uses` (null: unlimited) and `uses`.
 * Gift card: `initial_balance_cents` and `balance_cents` (never below zero; a guarded update spends it).
 */
export type VoucherTable = {
  id: string;
  /** Normalised: upper case, without dashes or spaces ('TBABCD2345'); shown as TB-ABCD-2345. */
  code: string;
  kind: 'voucher' | 'gift-card';
  amount_cents: number | null;
  percent: number | null;
  /** Items total (incl. VAT, before the discount) the order must reach; 0 for none. */
  min_order_cents: number;
  /** ISO instants; null: no limit. `valid_until` is exclusive. */
  valid_from: string | null;
  valid_until: string | null;
  max_uses: number | null;
  uses: number;
  /** 1: each e-mail address may use this voucher once. */
  once_per_email: number;
  initial_balance_cents: number | null;
  balance_cents: number | null;
  /** For staff: what the code is for. */
  note: string;
  disabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
};

/** A code used by an order, with the amount it took off (voucher) or paid (gift card). */
export type VoucherRedemptionTable = {
  id: string;
  voucher_id: string;
  order_id: string;
  kind: 'voucher' | 'gift-card';
  amount_cents: number;
  /** The order's e-mail address for a once-per-address voucher; otherwise null. */
  email_key: string | null;
  created_at: string;
  /** When a cancel or withdrawal gave the amount (gift card) or the use (voucher) back; null while it stands. */
  returned_at: string | null;
};

export type VoucherTables = { vouchers: VoucherTable; voucher_redemptions: VoucherRedemptionTable };
