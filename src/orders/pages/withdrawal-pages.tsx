import { Notice, TextField } from '../../staff/pages/fields.tsx';
import { CsrfField } from '../../web/components/csrf-field.tsx';
import { Layout } from '../../web/components/layout.tsx';
import { formatDate } from '../../web/i18n/format.ts';
import type { PageCtx } from '../../web/page-context.ts';
import type { Withdrawal } from '../withdraw-order.ts';
import { dayText, statusText } from './order-page.tsx';

/** Step 1 for a guest: which order (order number + e-mail address). `unknown` is the one neutral refusal. */
export function WithdrawalStartPage({
  ctx,
  values,
  unknown,
}: {
  ctx: PageCtx;
  values: { number: string; email: string };
  unknown: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('withdrawal.title')} noindex>
      <h1>{t('withdrawal.title')}</h1>
      {unknown ? <Notice error>{t('withdrawal.unknown')}</Notice> : null}
      <p>{t('withdrawal.intro')}</p>
      <form method="post" action="/withdraw">
        <CsrfField ctx={ctx} />
        <TextField
          id="number"
          label={t('withdrawal.number')}
          hint={t('withdrawal.numberHint')}
          value={values.number}
          required
          maxLength={40}
        />
        <TextField
          id="email"
          type="email"
          label={t('withdrawal.email')}
          value={values.email}
          required
          autoComplete="email"
          maxLength={254}
        />
        <button type="submit">{t('withdrawal.next')}</button>
      </form>
    </Layout>
  );
}

/**
 * Step 2: the order and its products, where the acknowledgement goes, and the confirm button. The proof
 * of who may withdraw travels along: the signed link's token, or the e-mail address the guest gave.
 */
export function WithdrawalConfirmPage({
  ctx,
  number,
  email,
  lines,
  proof,
}: {
  ctx: PageCtx;
  number: string;
  email: string;
  lines: { name: string; quantity: number }[];
  proof: { t: string } | { email: string };
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('withdrawal.confirmTitle')} noindex>
      <h1>{t('withdrawal.confirmTitle')}</h1>
      <p>{t('withdrawal.which', { number })}</p>
      <ul>
        {lines.map((l) => (
          <li key={l.name}>
            {l.quantity} × {l.name}
          </li>
        ))}
      </ul>
      <p>{t('withdrawal.ackTo', { email })}</p>
      <form method="post" action="/withdraw/confirm">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="number" value={number} />
        {'t' in proof ? (
          <input type="hidden" name="t" value={proof.t} />
        ) : (
          <input type="hidden" name="email" value={proof.email} />
        )}
        <button type="submit">{t('withdrawal.confirm')}</button>
      </form>
    </Layout>
  );
}

/** The acknowledgement, at once: which order, received when (date and time in the shop's zone). */
export function WithdrawalDonePage({
  ctx,
  withdrawal,
  orderLink,
}: {
  ctx: PageCtx;
  withdrawal: Withdrawal;
  orderLink?: string | undefined;
}) {
  const { t } = ctx;
  const datetime = formatDate(withdrawal.withdrawnAt, ctx.locale, ctx.timeZone, true);
  return (
    <Layout ctx={ctx} title={t('withdrawal.doneTitle')} noindex>
      <h1>{t('withdrawal.doneTitle')}</h1>
      <Notice>
        <p>{t('withdrawal.done', { number: withdrawal.number, datetime })}</p>
      </Notice>
      <ul>
        {withdrawal.lines.map((l) => (
          <li key={l.name}>
            {l.quantity} × {l.name}
          </li>
        ))}
      </ul>
      <p>{t('withdrawal.doneEmail', { email: withdrawal.email })}</p>
      <p>{t('withdrawal.nextSteps')}</p>
      {orderLink ? (
        <p>
          <a href={orderLink}>{t('withdrawal.backToOrder')}</a>
        </p>
      ) : null}
    </Layout>
  );
}

/** Why withdrawing is not possible (any more), said kindly, with the way to reach the shop. */
export function WithdrawalRefusedPage({
  ctx,
  number,
  refusal,
  orderLink,
}: {
  ctx: PageCtx;
  number: string;
  refusal: { reason: 'window-closed'; lastDay: string } | { reason: 'not-withdrawable'; status: string };
  orderLink?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('withdrawal.closedTitle')} noindex>
      <h1>{t('withdrawal.closedTitle')}</h1>
      <p>
        {refusal.reason === 'window-closed'
          ? t('withdrawal.closed', { number, date: dayText(ctx, refusal.lastDay) })
          : t('withdrawal.notWithdrawable', {
              number,
              status: statusText(ctx, refusal.status).toLowerCase(),
            })}
      </p>
      <p>{t('withdrawal.contact')}</p>
      {orderLink ? (
        <p>
          <a href={orderLink}>{t('withdrawal.backToOrder')}</a>
        </p>
      ) : null}
    </Layout>
  );
}
