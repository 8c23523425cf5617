import { Temporal } from 'temporal-polyfill';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatDay } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { PlanView } from '../find-plan.ts';
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, REMIND_DAYS_BEFORE } from '../predict-interval.ts';

/** /account/reminders: each plan with its predicted (or chosen) interval, correctable, and stop/resume. */
export function RemindersPage({
  ctx,
  plans,
  topicOn,
  notice,
  error,
}: {
  ctx: PageCtx;
  plans: PlanView[];
  /** Whether the customer has the 'replenishment' topic on in their preferences. */
  topicOn: boolean;
  notice?: string;
  error?: { planId: string; text: string; field?: 'auto' };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('replenish.title')} noindex>
      <h1>{t('replenish.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {topicOn ? null : (
        <p class="notice">
          {t('replenish.consentOff')} <a href="/account/preferences">{t('replenish.preferencesLink')}</a>
        </p>
      )}
      <p>{t('replenish.noAutoReorder')}</p>
      {plans.length === 0 ? <p>{t('replenish.empty')}</p> : null}
      {plans.map((plan) => {
        const field = `days-${plan.id}`;
        const problem = error?.planId === plan.id && !error.field ? error.text : null;
        const autoProblem = error?.planId === plan.id && error.field === 'auto' ? error.text : null;
        const autoId = `auto-${plan.id}`;
        return (
          <section key={plan.id} class="plan" aria-labelledby={`plan-${plan.id}`}>
            <h2 id={`plan-${plan.id}`}>
              {plan.productName}
              {plan.applianceName ? ` ${t('replenish.forAppliance', { appliance: plan.applianceName })}` : ''}
            </h2>
            <p>
              {plan.chosenDays !== null
                ? t('replenish.chosen', { days: plan.chosenDays })
                : plan.predictedDays !== null
                  ? t('replenish.predicted', { days: plan.predictedDays, orders: plan.ordersSeen })
                  : t('replenish.unknown')}
            </p>
            {plan.status === 'stopped' ? (
              <p>{t('replenish.stopped')}</p>
            ) : plan.nextRunOut ? (
              <p>{t('replenish.nextRunOut', { date: formatDay(plan.nextRunOut, ctx.locale) })}</p>
            ) : null}
            <form method="post" action={`/account/reminders/${plan.id}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="action" value="interval" />
              <label for={field}>{t('replenish.intervalLabel')}</label>
              <input
                id={field}
                name="days"
                type="number"
                inputMode="numeric"
                min={MIN_INTERVAL_DAYS}
                max={MAX_INTERVAL_DAYS}
                required
                value={String(plan.intervalDays ?? '')}
                aria-invalid={problem ? 'true' : undefined}
                aria-describedby={problem ? `${field}-error` : undefined}
              />
              {problem ? (
                <p id={`${field}-error`} class="field-error">
                  {problem}
                </p>
              ) : null}
              <button type="submit">{t('replenish.save')}</button>
            </form>
            <form method="post" action={`/account/reminders/${plan.id}`} class="auto-reorder">
              <CsrfField ctx={ctx} />
              <input type="hidden" name="action" value={plan.autoReorderSince ? 'auto-off' : 'auto-on'} />
              <h3 id={`${autoId}-heading`}>{t('replenish.auto.heading')}</h3>
              <p>
                <strong>
                  {plan.autoReorderSince
                    ? t('replenish.auto.on', {
                        date: formatDay(shopDate(plan.autoReorderSince, ctx.timeZone), ctx.locale),
                      })
                    : t('replenish.auto.off')}
                </strong>
              </p>
              <p id={autoId}>
                {t('replenish.auto.explain', { days: REMIND_DAYS_BEFORE, quantity: plan.quantity })}
              </p>
              {plan.lastAutoOrder ? (
                <p>
                  {plan.lastAutoOrder.orderNumber
                    ? t('replenish.auto.placed', { number: plan.lastAutoOrder.orderNumber })
                    : t('replenish.auto.notPlaced', {
                        reason: t(
                          `replenish.auto.reason.${plan.lastAutoOrder.reason}` as 'replenish.auto.reason.no-address',
                        ),
                      })}
                </p>
              ) : null}
              {autoProblem ? (
                <p id={`${autoId}-error`} class="field-error" role="alert">
                  {autoProblem}
                </p>
              ) : null}
              <button
                type="submit"
                class={plan.autoReorderSince ? 'secondary' : undefined}
                aria-describedby={autoProblem ? `${autoId} ${autoId}-error` : autoId}
              >
                {plan.autoReorderSince ? t('replenish.auto.stop') : t('replenish.auto.start')}
              </button>
            </form>
            <form method="post" action={`/account/reminders/${plan.id}`}>
              <CsrfField ctx={ctx} />
              <input type="hidden" name="action" value={plan.status === 'stopped' ? 'resume' : 'stop'} />
              <button type="submit">
                {plan.status === 'stopped' ? t('replenish.resume') : t('replenish.stop')}
              </button>
            </form>
          </section>
        );
      })}
    </Layout>
  );
}

/** The shop's calendar date of an instant. */
function shopDate(instant: string, timeZone: string): string {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
