/** A cart needs no account: its id is an opaque 128-bit random value kept in a cookie. */
export type CartTable = {
  id: string;
  created_at: string;
  updated_at: string;
};

export type CartLineTable = {
  cart_id: string;
  product_id: string;
  quantity: number;
  added_at: string;
  /** The appliance the line was added for (from a lookup result or "my appliances"), when known. */
  appliance_id: string | null;
};

/** An order as placed: the address and prices are copied, so later catalogue changes leave it as it was. */
export type OrderTable = {
  id: string;
  /** Human order number, e.g. TB-2026-000123; also the bank transfer reference. */
  number: string;
  /** See order-states.ts. */
  status: string;
  email: string;
  name: string;
  street: string;
  house_number: string;
  addition: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  shipping_method: string;
  payment_method: string;
  items_cents: number;
  shipping_cents: number;
  total_cents: number;
  /** VAT contained in the total, per rate: {"21": 412} */
  vat_json: string;
  currency: string;
  locale: string;
  cart_id: string | null;
  /** With `idempotency_claimed_at` unique: one order per use of a key (keys may be reused after 24 h). */
  idempotency_key: string;
  idempotency_claimed_at: string;
  request_hash: string;
  /** Promised delivery date, YYYY-MM-DD in the shop's zone. */
  delivery_date: string;
  created_at: string;
  updated_at: string;
  /** Set when shipped: 'postnl' | 'dhl' | 'dpd' | 'other' (see carriers.ts). */
  carrier: string | null;
  tracking_code: string | null;
  shipped_at: string | null;
  /** The account the order belongs to (placed signed in, or claimed later by its verified address). */
  customer_id: string | null;
  /** Set when the customer's account was erased: the sales record is kept until then (fiscal retention). */
  purge_after: string | null;
};

export type OrderLineTable = {
  id: string;
  order_id: string;
  product_id: string;
  sku: string;
  name: string;
  unit_price_cents: number;
  vat_rate: number;
  quantity: number;
  /** Copied from the cart line: the appliance this was bought for, when known. */
  appliance_id: string | null;
};

/** Every change of stock with its cause, so initial = current + sold − returned can be checked. */
export type StockMovementTable = {
  id: string;
  product_id: string;
  order_id: string | null;
  /** Negative for a sale, positive for a return or restock. */
  delta: number;
  reason: 'sale' | 'return' | 'cancel' | 'adjustment';
  at: string;
};

/** The order timeline: append-only, one row per status change, written in the change's transaction. */
export type OrderEventTable = {
  id: string;
  order_id: string;
  at: string;
  /** 'placed', 'cancelled', 'withdrawn', 'paid', 'shipped', 'delivered', … */
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor: 'customer' | 'staff' | 'system';
  note: string | null;
};

/** A stored response to an order-creating request, replayed for 24 h to repeats with the same key. */
export type IdempotencyKeyTable = {
  key: string;
  request_hash: string;
  status_code: number;
  response_json: string;
  created_at: string;
};

/** SQLite only: the order-number counter (PostgreSQL uses the sequence order_number_seq). */
export type OrderCounterTable = {
  name: string;
  value: number;
};

/** A shipping method as the owner set it up at /admin/shipping; the set of methods is fixed (mailbox, parcel). */
export type ShippingMethodTable = {
  method: 'mailbox' | 'parcel';
  /** 1: offered to customers. At least one method stays on. */
  enabled: number;
  /** What the customer pays below the free-shipping threshold, cents incl. VAT. */
  price_cents: number;
  /** The heaviest parcel the method takes; null: no limit. */
  max_weight_grams: number | null;
  /** 'HH:MM' in the shop's time zone. */
  cutoff: string;
  /** ISO weekdays as ascending digits: '12345' is Monday to Friday. */
  dispatch_weekdays: string;
  delivery_weekdays: string;
  /** 1–10 carrier delivery days between dispatch and delivery. */
  transit_days: number;
  updated_at: string;
};

/** The shop-wide shipping settings: one row, id 1. */
export type ShippingSettingsTable = {
  id: number;
  /** Goods total (cents incl. VAT) from which shipping is free; null: never free. */
  free_from_cents: number | null;
  /** ISO country whose public holidays stop dispatch and delivery. */
  holiday_country: string;
  updated_at: string;
  /** The staff member who saved last; null for the seeded values. */
  updated_by: string | null;
};

/** A day the shop dispatches nothing (the carriers still deliver). */
export type ShopClosingDayTable = {
  /** 'YYYY-MM-DD'. */
  date: string;
  note: string;
};

export type OrderTables = {
  carts: CartTable;
  cart_lines: CartLineTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  order_events: OrderEventTable;
  stock_movements: StockMovementTable;
  idempotency_keys: IdempotencyKeyTable;
  order_counters: OrderCounterTable;
  shipping_methods: ShippingMethodTable;
  shipping_settings: ShippingSettingsTable;
  shop_closing_days: ShopClosingDayTable;
};
