import { AdminLayout } from '../../staff/pages/admin-layout.tsx';
import {
  CheckField,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { formatDay } from '../../web/i18n/format.ts';
import type { Translate } from '../../web/i18n/messages.ts';
import type { PageCtx } from '../../web/page-context.ts';
import { SHIPPING_METHODS, type ShippingMethod } from '../shipping-methods.ts';
import type { ShippingField, ShippingProblem, ShippingProblems } from '../shipping-settings-problems.ts';
import { type ShippingFormValues, WEEKDAYS } from './shipping-form.ts';

/** A method's promise for an order placed now, with the saved settings; null when the method is switched off. */
export type ShippingExample = { method: ShippingMethod; deliveryDate: string | null };

/**
 * /admin/shipping: what each shipping method costs and when it dispatches and delivers, the free-shipping
 * threshold, whose public holidays count and the shop's closing days, as one form that is saved whole or not at
 * all. Above it, what a customer ordering now is promised by each method.
 */
export function ShippingPage(props: {
  ctx: PageCtx;
  values: ShippingFormValues;
  problems: ShippingProblems;
  examples: ShippingExample[];
  /** Holiday countries to choose from: ISO code and name in the admin's language, sorted by name. */
  countries: { code: string; name: string }[];
  notice?: string | undefined;
}) {
  const { ctx, values, problems } = props;
  const { t, locale } = ctx;
  const err = (field: ShippingField) => {
    const p = problems[field];
    return p ? problemText(t, p) : undefined;
  };
  // 2024-01-01 was a Monday: ISO weekday d is 2024-01-0d
  const dayName = (d: number) => formatDay(`2024-01-0${d}`, locale, 'weekday');
  const methodName = (m: ShippingMethod) => t(`checkout.method.${m}`);

  const labels = fieldLabels(t, methodName);
  const summary = (Object.entries(problems) as [ShippingField, ShippingProblem][]).map(([field, p]) => ({
    id: anchorOf(field),
    label: labels[field],
    message: problemText(t, p),
  }));

  const weekdays = (method: ShippingMethod, kind: 'dispatch' | 'delivery') => {
    const field = `${method}-${kind}` as ShippingField;
    const error = err(field);
    return (
      <fieldset id={field} aria-describedby={error ? `${field}-error` : undefined}>
        <legend>{t(`shippingAdmin.${kind}`)}</legend>
        <div class="row">
          {WEEKDAYS.map((d) => (
            <div class="check" key={d}>
              <input
                type="checkbox"
                id={`${field}-${d}`}
                name={`${field}-${d}`}
                value="on"
                checked={values[`${field}-${d}`] === 'on'}
                aria-invalid={error ? 'true' : undefined}
              />
              <label for={`${field}-${d}`}>{dayName(d)}</label>
            </div>
          ))}
        </div>
        {error ? (
          <p class="error" id={`${field}-error`}>
            {error}
          </p>
        ) : null}
      </fieldset>
    );
  };

  return (
    <AdminLayout ctx={ctx} title={t('shippingAdmin.title')}>
      <h1>{t('shippingAdmin.title')}</h1>
      <p>{t('shippingAdmin.intro')}</p>
      {props.notice ? <Notice>{props.notice}</Notice> : null}
      <ErrorSummary title={t('shippingAdmin.fix')} errors={summary} />

      <section aria-labelledby="examples-title">
        <h2 id="examples-title">{t('shippingAdmin.examplesTitle')}</h2>
        <ul>
          {props.examples.map((e) => (
            <li key={e.method}>
              {e.deliveryDate
                ? t('shippingAdmin.example', {
                    method: methodName(e.method),
                    date: formatDay(e.deliveryDate, locale),
                  })
                : t('shippingAdmin.exampleOff', { method: methodName(e.method) })}
            </li>
          ))}
        </ul>
      </section>

      <form method="post" action="/admin/shipping" class="form" novalidate>
        <CsrfField ctx={ctx} />
        {SHIPPING_METHODS.map((m) => (
          <fieldset key={m}>
            <legend>
              <h2>{methodName(m)}</h2>
            </legend>
            <CheckField
              id={`${m}-enabled`}
              label={t('shippingAdmin.enabled')}
              checked={values[`${m}-enabled`] === 'on'}
              error={err(`${m}-enabled`)}
            />
            <TextField
              id={`${m}-price`}
              label={t('shippingAdmin.price')}
              value={values[`${m}-price`] ?? ''}
              error={err(`${m}-price`)}
              inputMode="decimal"
              required
            />
            {m === 'mailbox' ? (
              <TextField
                id={`${m}-maxWeight`}
                label={t('shippingAdmin.maxWeight')}
                value={values[`${m}-maxWeight`] ?? ''}
                error={err(`${m}-maxWeight`)}
                hint={t('shippingAdmin.maxWeightHint')}
                inputMode="numeric"
                required
              />
            ) : null}
            <TextField
              id={`${m}-cutoff`}
              label={t('shippingAdmin.cutoff')}
              value={values[`${m}-cutoff`] ?? ''}
              error={err(`${m}-cutoff`)}
              hint={t('shippingAdmin.cutoffHint', { zone: ctx.timeZone })}
              maxLength={5}
              required
            />
            {weekdays(m, 'dispatch')}
            {weekdays(m, 'delivery')}
            <TextField
              id={`${m}-transit`}
              label={t('shippingAdmin.transit')}
              value={values[`${m}-transit`] ?? ''}
              error={err(`${m}-transit`)}
              hint={t('shippingAdmin.transitHint')}
              inputMode="numeric"
              maxLength={2}
              required
            />
          </fieldset>
        ))}
        <fieldset>
          <legend>
            <h2>{t('shippingAdmin.shopTitle')}</h2>
          </legend>
          <TextField
            id="freeFrom"
            label={t('shippingAdmin.freeFrom')}
            value={values.freeFrom ?? ''}
            error={err('freeFrom')}
            hint={t('shippingAdmin.freeFromHint')}
            inputMode="decimal"
          />
          <SelectField
            id="holidayCountry"
            label={t('shippingAdmin.holidayCountry')}
            value={values.holidayCountry ?? ''}
            error={err('holidayCountry')}
            hint={t('shippingAdmin.holidayCountryHint')}
            options={props.countries.map((c) => ({ value: c.code, label: c.name }))}
          />
          <TextArea
            id="closingDays"
            label={t('shippingAdmin.closingDays')}
            value={values.closingDays ?? ''}
            error={err('closingDays')}
            hint={t('shippingAdmin.closingDaysHint')}
          />
        </fieldset>
        <p>
          <button type="submit">{t('shippingAdmin.save')}</button>
        </p>
      </form>
    </AdminLayout>
  );
}

function problemText(t: Translate, p: ShippingProblem): string {
  return t(`shippingAdmin.bad.${p.problem}`, {
    ...('line' in p ? { line: p.line } : {}),
    ...('date' in p ? { date: p.date } : {}),
  });
}

/** Where the error summary's link for a field goes: the input, or a weekday group's first box. */
function anchorOf(field: ShippingField): string {
  return field.endsWith('-dispatch') || field.endsWith('-delivery') ? `${field}-1` : field;
}

function fieldLabels(t: Translate, methodName: (m: ShippingMethod) => string): Record<ShippingField, string> {
  const labels = {
    freeFrom: t('shippingAdmin.freeFrom'),
    holidayCountry: t('shippingAdmin.holidayCountry'),
    closingDays: t('shippingAdmin.closingDays'),
  } as Record<ShippingField, string>;
  for (const m of SHIPPING_METHODS) {
    const of = (label: string) => `${methodName(m)}, ${label}`;
    labels[`${m}-enabled`] = of(t('shippingAdmin.enabled'));
    labels[`${m}-price`] = of(t('shippingAdmin.price'));
    labels[`${m}-maxWeight`] = of(t('shippingAdmin.maxWeight'));
    labels[`${m}-cutoff`] = of(t('shippingAdmin.cutoff'));
    labels[`${m}-dispatch`] = of(t('shippingAdmin.dispatch'));
    labels[`${m}-delivery`] = of(t('shippingAdmin.delivery'));
    labels[`${m}-transit`] = of(t('shippingAdmin.transit'));
  }
  return labels;
}
