import type { NewVoucher } from '../../src/vouchers/create-code.ts';

/** A single-use voucher of € 5 off, with no minimum and no validity window, changed by `overrides`. */
export function voucherInput(overrides: Partial<NewVoucher> = {}): NewVoucher {
  return {
    discount: { amountCents: 500 },
    minOrderCents: 0,
    validFrom: null,
    validUntil: null,
    maxUses: 1,
    oncePerEmail: false,
    note: '',
    ...overrides,
  };
}
