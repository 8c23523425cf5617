import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import type { PageCtx } from '../../web/page-context.ts';
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS } from '../predict-interval.ts';
import type { ReminderAction } from '../reminder-links.ts';

/**
 * What a one-tap link opens: a page that says what will happen, with one button (a GET never changes anything:
 * mail scanners follow links), or, after the button, what happened.
 */
export function LinkPage({
  ctx,
  action,
  title,
  explain,
  done,
  error,
  intervalDays,
}: {
  ctx: PageCtx;
  action: ReminderAction;
  title: string;
  explain: string | null;
  /** Set after the action: the result, shown instead of the form. */
  done?: string;
  error?: string;
  intervalDays?: number | null;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={title} noindex>
      <h1>{title}</h1>
      {done ? (
        <p class="notice" role="status">
          {done}
        </p>
      ) : (
        <>
          {explain ? <p>{explain}</p> : null}
          <form method="post" action={ctx.url.split('?')[0]}>
            <CsrfField ctx={ctx} />
            {action === 'interval' ? (
              <>
                <label for="days">{t('replenish.intervalLabel')}</label>
                <input
                  id="days"
                  name="days"
                  type="number"
                  inputMode="numeric"
                  min={MIN_INTERVAL_DAYS}
                  max={MAX_INTERVAL_DAYS}
                  required
                  value={String(intervalDays ?? '')}
                  aria-invalid={error ? 'true' : undefined}
                  aria-describedby={error ? 'days-error' : undefined}
                />
                {error ? (
                  <p id="days-error" class="field-error">
                    {error}
                  </p>
                ) : null}
              </>
            ) : null}
            <button type="submit">{t(`replenish.link.${action}.button`)}</button>
          </form>
        </>
      )}
      <p>
        <a href="/account/reminders">{t('replenish.accountLink')}</a>
      </p>
    </Layout>
  );
}
