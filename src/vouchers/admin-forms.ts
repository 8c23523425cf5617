import { Temporal } from 'temporal-polyfill';
import { formChecked, formField } from '../staff/pages/form-body.ts';
import type { MessageKey } from '../web/i18n/messages.ts';
import type { NewGiftCard, NewVoucher } from './create-code.ts';

export type FormResult<T> =
  | { ok: true; input: T }
  | { ok: false; values: Record<string, string>; errors: Record<string, MessageKey> };

/** Euros as typed ("10", "12,50", "12.50") to cents; null when it is not an amount. */
export function parseEuros(text: string): number | null {
  const m = /^\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** A date as typed (YYYY-MM-DD) to the instant its day starts in the shop's zone; `nextDay` for "up to and including". */
function dayStart(text: string, timeZone: string, nextDay: boolean): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    const date = Temporal.PlainDate.from(text, { overflow: 'reject' });
    return (nextDay ? date.add({ days: 1 }) : date).toZonedDateTime(timeZone).toInstant().toString();
  } catch {
    return null;
  }
}

const VOUCHER_FIELDS = [
  'discountType',
  'discountValue',
  'minOrder',
  'validFrom',
  'validUntil',
  'maxUses',
  'note',
];

export function readVoucherForm(body: unknown, timeZone: string): FormResult<NewVoucher> {
  const values: Record<string, string> = {};
  for (const f of VOUCHER_FIELDS) values[f] = formField(body, f).trim().slice(0, 200);
  if (formChecked(body, 'oncePerEmail')) values.oncePerEmail = '1';
  const errors: Record<string, MessageKey> = {};
  let discount: NewVoucher['discount'] = { amountCents: 0 };
  if (values.discountType === 'percent') {
    const percent = Number(values.discountValue);
    if (!/^\d{1,3}$/.test(values.discountValue ?? '') || percent < 1 || percent > 100)
      errors.discountValue = 'voucherAdmin.bad.percent';
    else discount = { percent };
  } else {
    const cents = parseEuros(values.discountValue ?? '');
    if (cents === null || cents === 0) errors.discountValue = 'voucherAdmin.bad.amount';
    else discount = { amountCents: cents };
  }
  const minOrder = values.minOrder ? parseEuros(values.minOrder) : 0;
  if (minOrder === null) errors.minOrder = 'voucherAdmin.bad.amount';
  const validFrom = values.validFrom ? dayStart(values.validFrom, timeZone, false) : null;
  if (values.validFrom && !validFrom) errors.validFrom = 'voucherAdmin.bad.date';
  const validUntil = values.validUntil ? dayStart(values.validUntil, timeZone, true) : null;
  if (values.validUntil && !validUntil) errors.validUntil = 'voucherAdmin.bad.date';
  if (validFrom && validUntil && validUntil <= validFrom) errors.validUntil = 'voucherAdmin.bad.window';
  const maxUses = values.maxUses ? Number(values.maxUses) : null;
  if (values.maxUses && (!/^\d{1,7}$/.test(values.maxUses) || maxUses === 0))
    errors.maxUses = 'voucherAdmin.bad.uses';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    input: {
      discount,
      minOrderCents: minOrder ?? 0,
      validFrom,
      validUntil,
      maxUses,
      oncePerEmail: values.oncePerEmail === '1',
      note: values.note ?? '',
    },
  };
}

export function readGiftCardForm(body: unknown, timeZone: string): FormResult<NewGiftCard> {
  const values: Record<string, string> = {};
  for (const f of ['amount', 'validUntil', 'note']) values[f] = formField(body, f).trim().slice(0, 200);
  const errors: Record<string, MessageKey> = {};
  const amount = parseEuros(values.amount ?? '');
  if (amount === null || amount === 0) errors.amount = 'voucherAdmin.bad.amount';
  const validUntil = values.validUntil ? dayStart(values.validUntil, timeZone, true) : null;
  if (values.validUntil && !validUntil) errors.validUntil = 'voucherAdmin.bad.date';
  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return { ok: true, input: { amountCents: amount ?? 0, validUntil, note: values.note ?? '' } };
}
