import { formatEuros, parseEuros } from '../../catalog/admin/parse-euros.ts';
import type { Locale } from '../../config.ts';
import { formChecked, formField } from '../../staff/pages/form-body.ts';
import { SHIPPING_METHODS } from '../shipping-methods.ts';
import {
  type ClosingDay,
  formatCutoff,
  type MethodSettings,
  parseCutoff,
  type ShippingSettings,
} from '../shipping-settings.ts';
import type { ShippingProblems } from '../shipping-settings-problems.ts';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The form as typed: one string per input, a ticked checkbox as 'on'. Shown again when the form is refused. */
export type ShippingFormValues = Record<string, string>;

export type ShippingForm = {
  values: ShippingFormValues;
  /** What the form says, as settings: text that is no number or time becomes NaN, for the checks to refuse. */
  settings: ShippingSettings;
  /** Each closing day with its line in the closing-days box, in the order typed. */
  typed: { day: ClosingDay; line: number }[];
};

/**
 * Reads the posted /admin/shipping form into settings, without judging them: `saveShippingSettings` checks them
 * all, so the form and the use case cannot disagree on what is allowed. Inputs are named `<method>-price`,
 * `<method>-dispatch-<ISO weekday>` and so on (see `formValues`).
 */
export function readShippingForm(body: unknown): ShippingForm {
  const values: ShippingFormValues = {};
  const text = (name: string, max = 100) => {
    const value = formField(body, name).trim().slice(0, max);
    values[name] = value;
    return value;
  };
  const checked = (name: string) => {
    const on = formChecked(body, name);
    if (on) values[name] = 'on';
    return on;
  };
  const methods = SHIPPING_METHODS.map((method): MethodSettings => {
    const days = (kind: string) => WEEKDAYS.filter((d) => checked(`${method}-${kind}-${d}`));
    const enabled = checked(`${method}-enabled`);
    const priceCents = parseEuros(text(`${method}-price`)) ?? Number.NaN;
    const maxWeightGrams = method === 'mailbox' ? whole(text(`${method}-maxWeight`)) : null;
    const cutoff = parseCutoff(text(`${method}-cutoff`)) ?? { hour: Number.NaN, minute: Number.NaN };
    return {
      method,
      enabled,
      priceCents,
      maxWeightGrams,
      cutoff,
      dispatchWeekdays: days('dispatch'),
      deliveryWeekdays: days('delivery'),
      transitDays: whole(text(`${method}-transit`)),
    };
  });
  const freeFrom = text('freeFrom');
  const holidayCountry = text('holidayCountry', 10).toUpperCase();
  const closingText = formField(body, 'closingDays').slice(0, 50_000);
  values.closingDays = closingText;
  const typed: ShippingForm['typed'] = [];
  for (const [i, raw] of closingText.split(/\r?\n/).entries()) {
    const [, date = '', note = ''] = /^(\S+)\s*(.*)$/.exec(raw.trim()) ?? [];
    if (date) typed.push({ day: { date, note: note.trim() }, line: i + 1 });
  }
  return {
    values,
    settings: {
      methods,
      freeFromCents: freeFrom === '' ? null : (parseEuros(freeFrom) ?? Number.NaN),
      holidayCountry,
      closingDays: typed.map((t) => t.day).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    },
    typed,
  };
}

/**
 * The problems with closing-day line numbers as the owner typed them: the checks count the closing days in date
 * order, the form counts lines (blank ones too).
 */
export function problemsAsTyped(form: ShippingForm, problems: ShippingProblems): ShippingProblems {
  const closing = problems.closingDays;
  if (!closing || !('line' in closing)) return problems;
  const day = form.settings.closingDays[closing.line - 1];
  const line = form.typed.find((t) => t.day === day)?.line ?? closing.line;
  return { ...problems, closingDays: { ...closing, line } };
}

/** The saved settings as the form shows them, amounts in the admin's language ("3,95" / "3.95"). */
export function formValues(settings: ShippingSettings, locale: Locale): ShippingFormValues {
  const values: ShippingFormValues = {};
  for (const m of settings.methods) {
    if (m.enabled) values[`${m.method}-enabled`] = 'on';
    values[`${m.method}-price`] = formatEuros(m.priceCents, locale);
    if (m.maxWeightGrams !== null) values[`${m.method}-maxWeight`] = String(m.maxWeightGrams);
    values[`${m.method}-cutoff`] = formatCutoff(m.cutoff);
    for (const d of m.dispatchWeekdays) values[`${m.method}-dispatch-${d}`] = 'on';
    for (const d of m.deliveryWeekdays) values[`${m.method}-delivery-${d}`] = 'on';
    values[`${m.method}-transit`] = String(m.transitDays);
  }
  values.freeFrom = settings.freeFromCents === null ? '' : formatEuros(settings.freeFromCents, locale);
  values.holidayCountry = settings.holidayCountry;
  values.closingDays = settings.closingDays.map((d) => `${d.date} ${d.note}`.trim()).join('\n');
  return values;
}

/** A whole number as typed ("2000"); NaN for anything else. */
function whole(text: string): number {
  return /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}
