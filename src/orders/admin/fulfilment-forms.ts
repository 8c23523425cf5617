import { Temporal } from 'temporal-polyfill';
import { type Carrier, isCarrier, isTrackingCode, normaliseTrackingCode } from '../carriers.ts';
import type { DelayOrderInput } from '../delay-order.ts';
import type { ShipOrderInput } from '../ship-order.ts';

export type FormError = { field: string; code: 'required' | 'invalid' | 'bad-date' | 'in-past' | 'too-long' };

export type ShipFormValues = { carrier: string; trackingCode: string };
export type DelayFormValues = { newDate: string; message: string };

/** At most this much text to the customer in a delay notice. */
export const MAX_MESSAGE = 2000;

function field(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | null)?.[name];
  return typeof value === 'string' ? value : '';
}

/** Reads the ship form: a known carrier and a tracking code of that carrier's shape. */
export function readShipForm(
  body: unknown,
): { ok: true; input: ShipOrderInput } | { ok: false; values: ShipFormValues; errors: FormError[] } {
  const values = { carrier: field(body, 'carrier'), trackingCode: field(body, 'trackingCode').trim() };
  const errors: FormError[] = [];
  const carrier: Carrier | null = isCarrier(values.carrier) ? values.carrier : null;
  if (!carrier) errors.push({ field: 'carrier', code: 'required' });
  const code = normaliseTrackingCode(values.trackingCode);
  if (!code) errors.push({ field: 'trackingCode', code: 'required' });
  else if (carrier && !isTrackingCode(carrier, code)) errors.push({ field: 'trackingCode', code: 'invalid' });
  if (errors.length > 0 || !carrier) return { ok: false, values, errors };
  return { ok: true, input: { carrier, trackingCode: code } };
}

/** Reads the delay form: a real date, today or later in the shop's zone, and an optional message. */
export function readDelayForm(
  body: unknown,
  today: string,
): { ok: true; input: DelayOrderInput } | { ok: false; values: DelayFormValues; errors: FormError[] } {
  const values = { newDate: field(body, 'newDate').trim(), message: field(body, 'message').trim() };
  const errors: FormError[] = [];
  let date: Temporal.PlainDate | null = null;
  if (!values.newDate) errors.push({ field: 'newDate', code: 'required' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(values.newDate)) errors.push({ field: 'newDate', code: 'bad-date' });
  else {
    try {
      date = Temporal.PlainDate.from(values.newDate, { overflow: 'reject' });
    } catch {
      errors.push({ field: 'newDate', code: 'bad-date' });
    }
  }
  if (date && Temporal.PlainDate.compare(date, Temporal.PlainDate.from(today)) < 0)
    errors.push({ field: 'newDate', code: 'in-past' });
  if (values.message.length > MAX_MESSAGE) errors.push({ field: 'message', code: 'too-long' });
  if (errors.length > 0 || !date) return { ok: false, values, errors };
  return { ok: true, input: { newDate: date.toString(), message: values.message || null } };
}
