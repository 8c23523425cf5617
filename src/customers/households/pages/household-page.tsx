import { TextField } from '../../../staff/pages/fields.tsx';
import { CsrfField } from '../../../web/components/csrf-field.tsx';
import { Layout } from '../../../web/components/layout.tsx';
import type { PageCtx } from '../../../web/page-context.ts';
import type { HouseholdView } from '../view-household.ts';

/** /account/household: who shares appliances and addresses, invitations on their way, invite, leave, remove. */
export function HouseholdPage({
  ctx,
  me,
  household,
  notice,
  email,
  error,
}: {
  ctx: PageCtx;
  me: string;
  household: HouseholdView;
  notice?: string | undefined;
  email?: string;
  error?: string | undefined;
}) {
  const { t } = ctx;
  const date = (iso: string) =>
    new Intl.DateTimeFormat(ctx.locale === 'nl' ? 'nl-NL' : 'en-GB', {
      day: 'numeric',
      month: 'long',
      timeZone: ctx.timeZone,
    }).format(new Date(iso));
  const shared = household.members.length > 1;
  const creator = household.createdBy === me;
  return (
    <Layout ctx={ctx} title={t('household.title')} noindex>
      <h1>{t('household.title')}</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      <p>{t('household.intro')}</p>
      {shared ? (
        <section aria-labelledby="members">
          <h2 id="members">{t('household.members')}</h2>
          <ul class="members">
            {household.members.map((m) => (
              <li key={m.id}>
                {m.name ? `${m.name} · ${m.email}` : m.email}
                {m.id === me ? ` ${t('household.you')}` : ''}
                {m.id === household.createdBy ? ` ${t('household.creator')}` : ''}
                {creator && m.id !== me ? (
                  <form method="post" action={`/account/household/members/${m.id}/remove`} class="inline">
                    <CsrfField ctx={ctx} />
                    <button type="submit" class="secondary">
                      {t('household.remove')}
                      <span class="sr-only">: {m.name ?? m.email}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t('household.alone')}</p>
      )}
      {household.pending.length > 0 ? (
        <section aria-labelledby="pending">
          <h2 id="pending">{t('household.pending')}</h2>
          <ul>
            {household.pending.map((p) => (
              <li key={p.email + p.expiresAt}>
                {t('household.pendingUntil', { email: p.email, date: date(p.expiresAt) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="invite">
        <h2 id="invite">{t('household.invite')}</h2>
        <form method="post" action="/account/household/invitations" novalidate>
          <CsrfField ctx={ctx} />
          <TextField
            id="email"
            label={t('household.inviteEmail')}
            type="email"
            autoComplete="off"
            required
            maxLength={254}
            value={email ?? ''}
            error={error}
            hint={t('household.inviteHint')}
          />
          <button type="submit">{t('household.inviteButton')}</button>
        </form>
      </section>
      {household.id && shared ? (
        <section aria-labelledby="leave">
          <h2 id="leave">{t('household.leave')}</h2>
          <p>{t('household.leaveHint')}</p>
          <form method="post" action="/account/household/leave">
            <CsrfField ctx={ctx} />
            <button type="submit" class="secondary">
              {t('household.leave')}
            </button>
          </form>
        </section>
      ) : null}
    </Layout>
  );
}

/** The invitation behind an e-mailed link: who invites, what sharing means, accept or decline. */
export function InvitationPage({
  ctx,
  token,
  inviter,
  inOtherHousehold,
}: {
  ctx: PageCtx;
  token: string;
  inviter: string;
  inOtherHousehold: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('household.join.title')} noindex>
      <h1>{t('household.join.title')}</h1>
      <p>{t('household.join.text', { inviter })}</p>
      {inOtherHousehold ? <p class="notice">{t('household.join.other')}</p> : null}
      <form method="post" action="/account/household/join">
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" name="answer" value="accept" disabled={inOtherHousehold}>
          {t('household.join.accept')}
        </button>{' '}
        <button type="submit" name="answer" value="decline" class="secondary">
          {t('household.join.decline')}
        </button>
      </form>
    </Layout>
  );
}
