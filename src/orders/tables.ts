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

/** The outbox: work to do after a commit (confirmation e-mail, fulfilment), written in the same transaction. */
export type JobTable = {
  id: string;
  kind: string;
  payload_json: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  last_error: string | null;
  /** Unique: the same job is never enqueued twice (e.g. 'order-confirmation:<order id>'). */
  idempotency_key: string;
  created_at: string;
  updated_at: string;
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

export type OrderTables = {
  carts: CartTable;
  cart_lines: CartLineTable;
  orders: OrderTable;
  order_lines: OrderLineTable;
  stock_movements: StockMovementTable;
  jobs: JobTable;
  idempotency_keys: IdempotencyKeyTable;
  order_counters: OrderCounterTable;
};
