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

export type OrderTables = {
  carts: CartTable;
  cart_lines: CartLineTable;
};
