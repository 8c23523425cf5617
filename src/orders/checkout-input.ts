import { normaliseCode } from '../vouchers/codes.ts';
import { isShippingMethod, type ShippingMethod } from './shipping-methods.ts';

export type Address = {
  name: string;
  street: string;
  houseNumber: string;
  addition: string;
  postcode: string;
  city: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: Country;
};

export type CheckoutInput = {
  email: string;
  address: Address;
  shippingMethod: ShippingMethod;
  paymentMethod: PaymentMethod;
  /** Voucher and gift-card codes, normalised (src/vouchers/codes.ts); absent when none. */
  codes?: string[];
};

/** Bank transfer always; the online methods (Mollie's hosted checkout) only when MOLLIE_API_KEY is set. */
export type PaymentMethod = 'bank-transfer' | 'ideal' | 'creditcard' | 'bancontact';
export const PAYMENT_METHODS: readonly PaymentMethod[] = [
  'bank-transfer',
  'ideal',
  'creditcard',
  'bancontact',
];

/** Why a field was refused; `example` shows a valid postcode for the chosen country. */
export type FieldProblem = {
  reason: 'required' | 'too-long' | 'email' | 'postcode' | 'house-number' | 'country' | 'choice' | 'code';
  example?: string;
};

/**
 * Countries the shop delivers to, with a plausible postcode per country (the format, not a
 * lookup): it catches typing mistakes without refusing real addresses. `normalise` writes the
 * postcode the way the carrier's label wants it.
 */
export const COUNTRIES = {
  NL: {
    pattern: /^([1-9][0-9]{3}) ?([A-Z]{2})$/,
    example: '1234 AB',
    normalise: (m: string[]) => `${m[1]} ${m[2]}`,
  },
  BE: { pattern: /^([1-9][0-9]{3})$/, example: '1000', normalise: (m: string[]) => m[1]! },
  DE: { pattern: /^([0-9]{5})$/, example: '10115', normalise: (m: string[]) => m[1]! },
  FR: { pattern: /^([0-9]{5})$/, example: '75001', normalise: (m: string[]) => m[1]! },
  LU: { pattern: /^(?:L-?)?([0-9]{4})$/, example: 'L-1111', normalise: (m: string[]) => `L-${m[1]}` },
  AT: { pattern: /^([1-9][0-9]{3})$/, example: '1010', normalise: (m: string[]) => m[1]! },
} as const;

export type Country = keyof typeof COUNTRIES;

function isCountry(value: string): value is Country {
  return Object.hasOwn(COUNTRIES, value);
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:".]{2,}$/;

export type ParsedCheckout =
  | { ok: true; input: CheckoutInput }
  | { ok: false; fields: Record<string, FieldProblem> };

/**
 * Reads a checkout request (API body or form, already shaped as `{ email, address: {…}, … }`) of
 * unknown shape. Every field is checked, so the customer sees all problems at once; field names
 * are the API's (`address.postcode`). Text is trimmed and postcodes normalised.
 */
export function parseCheckoutInput(raw: unknown): ParsedCheckout {
  const body = isRecord(raw) ? raw : {};
  const address = isRecord(body.address) ? body.address : {};
  const fields: Record<string, FieldProblem> = {};
  const text = (name: string, value: unknown, max: number, required = true): string => {
    const s = typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : '';
    if (required && s === '') fields[name] = { reason: 'required' };
    else if (s.length > max) fields[name] = { reason: 'too-long' };
    return s;
  };

  const email = text('email', body.email, 254).toLowerCase();
  if (email && !fields.email && !EMAIL.test(email)) fields.email = { reason: 'email' };

  const name = text('address.name', address.name, 100);
  const street = text('address.street', address.street, 100);
  const houseNumber = text('address.houseNumber', address.houseNumber, 10);
  if (houseNumber && !fields['address.houseNumber'] && !/^[0-9]{1,6}[a-zA-Z]?$/.test(houseNumber))
    fields['address.houseNumber'] = { reason: 'house-number' };
  const addition = text('address.addition', address.addition, 10, false);
  const city = text('address.city', address.city, 80);
  const countryText = text('address.country', address.country, 2).toUpperCase();
  if (countryText && !fields['address.country'] && !isCountry(countryText))
    fields['address.country'] = { reason: 'country' };
  let postcode = text('address.postcode', address.postcode, 12).toUpperCase();
  if (postcode && !fields['address.postcode'] && isCountry(countryText)) {
    const rule = COUNTRIES[countryText];
    const match = rule.pattern.exec(postcode);
    if (match) postcode = rule.normalise(match);
    else fields['address.postcode'] = { reason: 'postcode', example: rule.example };
  }

  const shippingMethod = body.shippingMethod;
  if (!isShippingMethod(shippingMethod))
    fields.shippingMethod = { reason: shippingMethod ? 'choice' : 'required' };
  const paymentMethod = body.paymentMethod;
  if (!PAYMENT_METHODS.includes(paymentMethod as PaymentMethod))
    fields.paymentMethod = { reason: paymentMethod ? 'choice' : 'required' };

  const codes = parseCodes(body, fields);

  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return {
    ok: true,
    input: {
      email,
      address: { name, street, houseNumber, addition, postcode, city, country: countryText as Country },
      shippingMethod: shippingMethod as ShippingMethod,
      paymentMethod: paymentMethod as PaymentMethod,
      ...(codes.length > 0 ? { codes } : {}),
    },
  };
}

/**
 * Voucher and gift-card codes: `codes` (an array, or one string with codes separated by commas), `voucherCode`
 * and `giftCardCode`; case, spaces and dashes do not matter. At most one voucher and one gift card.
 */
function parseCodes(body: Record<string, unknown>, fields: Record<string, FieldProblem>): string[] {
  const typed: unknown[] = [];
  if (Array.isArray(body.codes)) typed.push(...body.codes);
  else if (typeof body.codes === 'string') typed.push(...body.codes.split(/[,;\n]/));
  else if (body.codes !== undefined && body.codes !== null) typed.push(body.codes);
  typed.push(body.voucherCode, body.giftCardCode);
  const codes: string[] = [];
  for (const value of typed) {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) continue;
    const code = typeof value === 'string' && value.length <= 40 ? normaliseCode(value) : null;
    if (!code) {
      fields.codes = { reason: 'code' };
      continue;
    }
    if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length > 2) fields.codes = { reason: 'code' };
  return codes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
