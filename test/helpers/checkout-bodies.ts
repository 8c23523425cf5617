/** Ann's address, as the checkout API takes it. */
const ADDRESS = {
  name: 'Ann de Vries',
  street: 'Dorpsstraat',
  houseNumber: '12',
  postcode: '1234ab',
  city: 'Utrecht',
  country: 'NL',
};

/**
 * A valid body for `POST /api/v1/carts/:id/checkout`: Ann, a parcel, bank transfer; `overrides` replace or add
 * fields (codes, another payment method, another e-mail address).
 */
export function checkoutPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    email: 'ann@example.nl',
    address: { ...ADDRESS },
    shippingMethod: 'parcel',
    paymentMethod: 'bank-transfer',
    ...overrides,
  };
}

/** The same checkout as the storefront's form posts it to `/checkout` (flat fields); add `idempotency_key`. */
export function checkoutForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    email: 'ann@example.nl',
    ...ADDRESS,
    shippingMethod: 'parcel',
    paymentMethod: 'bank-transfer',
    ...overrides,
  };
}
