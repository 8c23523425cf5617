import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { isOrderToken } from '../../orders/order-token.ts';
import { grantSoftOptIn } from '../../preferences/soft-opt-in.ts';
import { formField } from '../../staff/pages/form-body.ts';
import { cookieSpec } from '../../web/cookies.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { customerOf } from '../guard.ts';
import {
  clearCustomerCookie,
  customerToken,
  endAllCustomerSessions,
  endCustomerSession,
  setCustomerCookie,
} from '../sessions.ts';
import { endSession, listPasskeys, listSessions, removePasskey } from './account-security.ts';
import { applySignupTerms } from './apply-signup-terms.ts';
import { CHALLENGE_COOKIE, CHALLENGE_MINUTES } from './auth-challenges.ts';
import { safeAccountNext } from './customer-link.ts';
import { followCustomerLink, linkIsUsable } from './follow-customer-link.ts';
import { offerKeepAppliance } from './offer-keep-appliance.ts';
import { AccountHomePage } from './pages/account-home-page.tsx';
import { ConfirmLinkPage } from './pages/confirm-link-page.tsx';
import { LinkSentPage } from './pages/link-sent-page.tsx';
import { SecurityPage } from './pages/security-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { addPasskey, passkeyRegistrationOptions } from './passkey-registration.ts';
import { passkeySignInOptions, signInWithPasskey } from './passkey-sign-in.ts';
import { requestSignInLink } from './request-sign-in-link.ts';
import { savedAppliances } from './saved-appliances.ts';

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const SECURITY_DONE = {
  'passkey-added': 'security.passkeyAdded',
  'passkey-removed': 'security.passkeyRemoved',
  'session-ended': 'security.sessionEnded',
} as const;

/**
 * Accounts without passwords: sign in by magic link or passkey, the account home, security (passkeys and
 * sessions), sign out, and "keep my appliance" after a guest order.
 */
export function registerCustomerAuth(app: FastifyInstance): void {
  const { config } = app;
  const challengeCookie = cookieSpec(config, CHALLENGE_COOKIE, CHALLENGE_MINUTES * 60);

  function noStore(reply: FastifyReply): void {
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
  }

  // --- magic links -------------------------------------------------------------------------------------------

  app.get('/account/sign-in', async (request, reply) => {
    const next = safeAccountNext((request.query as { next?: unknown }).next);
    noStore(reply);
    return sendPage(
      reply,
      <SignInPage ctx={pageCtx(request, config)} next={next} form={{ email: '', terms: '' }} />,
    );
  });

  app.post('/account/sign-in', async (request, reply) => {
    const next = safeAccountNext((request.query as { next?: unknown }).next);
    const form = { email: formField(request.body, 'email'), terms: formField(request.body, 'terms') };
    const result = await requestSignInLink(request.ctx, {
      email: form.email,
      next,
      terms: form.terms,
      ip: request.ip,
      locale: request.locale,
    });
    noStore(reply);
    if (!result.ok) {
      const ctx = pageCtx(request, config);
      const message = request.t(`signIn.problem.${result.reason}`);
      const page =
        result.reason === 'email' ? (
          <SignInPage ctx={ctx} next={next} form={form} error={message} />
        ) : (
          <SignInPage ctx={ctx} next={next} form={form} alert={message} />
        );
      const status = result.reason === 'too-many-requests' ? 429 : result.reason === 'not-sent' ? 503 : 422;
      return sendPage(reply, page, status);
    }
    return sendPage(
      reply,
      <LinkSentPage ctx={pageCtx(request, config)} email={form.email.trim()} kind="sign-in" />,
    );
  });

  app.get('/account/sign-in/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    noStore(reply);
    if (!TOKEN.test(token) || !(await linkIsUsable(request.ctx, token))) return linkInvalid(request, reply);
    return sendPage(reply, <ConfirmLinkPage ctx={pageCtx(request, config)} token={token} />);
  });

  app.post('/account/sign-in/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    noStore(reply);
    if (!TOKEN.test(token)) return linkInvalid(request, reply);
    const followed = await followCustomerLink(request.ctx, {
      token,
      userAgent: request.headers['user-agent'] ?? '',
      afterCreate: async (ctx, customerId, link) => {
        if (link.purpose === 'keep-appliance' && link.data.orderNumber)
          await grantSoftOptIn(ctx, customerId, { orderNumber: link.data.orderNumber });
      },
    });
    if (!followed.ok) return linkInvalid(request, reply);
    await replaceSession(request, reply, followed.sessionToken);
    if (followed.created && followed.data.terms) {
      const applied = await applySignupTerms(
        request.ctx,
        followed.customerId,
        followed.data.terms,
        request.log,
      );
      if (applied) return reply.redirect('/account/terms?applied=1', 303);
    }
    const notes = new URLSearchParams();
    if (followed.joinedOrders > 0) notes.set('joined', String(followed.joinedOrders));
    if (followed.keptAppliances.length > 0) notes.set('kept', String(followed.keptAppliances.length));
    const next = safeAccountNext(followed.data.next);
    if (next === '/account' && notes.size > 0) return reply.redirect(`/account?${notes}`, 303);
    return reply.redirect(next, 303);
  });

  /** A sign-in in a browser that was signed in already ends that earlier session: one session per browser. */
  async function replaceSession(request: FastifyRequest, reply: FastifyReply, sessionToken: string) {
    const earlier = customerToken(request, config);
    if (earlier) await endCustomerSession(request.ctx, earlier);
    setCustomerCookie(reply, config, sessionToken);
  }

  function linkInvalid(request: FastifyRequest, reply: FastifyReply) {
    return sendPage(
      reply,
      <SignInPage
        ctx={pageCtx(request, config)}
        next="/account"
        form={{ email: '', terms: '' }}
        alert={request.t('signIn.linkInvalid')}
      />,
      410,
    );
  }

  app.post('/account/sign-out', async (request, reply) => {
    const token = customerToken(request, config);
    if (token) await endCustomerSession(request.ctx, token);
    clearCustomerCookie(reply, config);
    return reply.redirect('/', 303);
  });

  // --- "keep my appliance" after a guest order ---------------------------------------------------------------

  app.post('/account/keep/:number', async (request, reply) => {
    const { number } = request.params as { number: string };
    const { t } = request.query as { t?: string };
    if (!isOrderToken(config.sessionSecret, number, t)) throw new AppError('not-found');
    const result = await offerKeepAppliance(request.ctx, { orderNumber: number, ip: request.ip });
    if (!result.ok && result.reason === 'not-found') throw new AppError('not-found');
    if (!result.ok && result.reason === 'too-many-requests') throw new AppError('too-many-requests');
    if (!result.ok && result.reason === 'not-sent') throw new AppError('mail-not-sent');
    if (!result.ok) return reply.redirect('/account/sign-in?next=%2Faccount', 303);
    noStore(reply);
    return sendPage(reply, <LinkSentPage ctx={pageCtx(request, config)} email={result.email} kind="keep" />);
  });

  // --- the account -------------------------------------------------------------------------------------------

  app.get('/account', async (request, reply) => {
    const customer = customerOf(request);
    const query = request.query as { joined?: string; kept?: string };
    const notices: string[] = [];
    const joined = Number(query.joined);
    if (Number.isInteger(joined) && joined > 0) notices.push(request.t('account.joined', { count: joined }));
    if (query.kept) notices.push(request.t('account.kept'));
    noStore(reply);
    return sendPage(
      reply,
      <AccountHomePage
        ctx={pageCtx(request, config)}
        email={customer.email}
        name={customer.name}
        appliances={await savedAppliances(request.ctx, customer.id)}
        notices={notices}
      />,
    );
  });

  app.get('/account/security', async (request, reply) => {
    const customer = customerOf(request);
    const done = (request.query as { done?: string }).done;
    const notice = done && done in SECURITY_DONE ? SECURITY_DONE[done as keyof typeof SECURITY_DONE] : null;
    noStore(reply);
    return sendPage(
      reply,
      <SecurityPage
        ctx={pageCtx(request, config)}
        passkeys={await listPasskeys(request.ctx, customer.id)}
        sessions={await listSessions(request.ctx, customer.id, customerToken(request, config))}
        notice={notice ? request.t(notice) : undefined}
      />,
    );
  });

  app.post('/account/sessions/:id/end', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    const current = (await listSessions(request.ctx, customer.id, customerToken(request, config))).find(
      (s) => s.current,
    );
    if (!(await endSession(request.ctx, customer.id, id))) throw new AppError('not-found');
    if (current?.id === id) {
      clearCustomerCookie(reply, config);
      return reply.redirect('/account/sign-in', 303);
    }
    return reply.redirect('/account/security?done=session-ended', 303);
  });

  app.post('/account/sessions/end-all', async (request, reply) => {
    const customer = customerOf(request);
    await endAllCustomerSessions(request.ctx, customer.id);
    clearCustomerCookie(reply, config);
    return reply.redirect('/account/sign-in', 303);
  });

  // --- passkeys ----------------------------------------------------------------------------------------------

  app.post('/account/passkeys/:id/remove', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    if (!(await removePasskey(request.ctx, customer.id, id))) throw new AppError('not-found');
    return reply.redirect('/account/security?done=passkey-removed', 303);
  });

  app.post('/account/passkeys/register/options', async (request, reply) => {
    const customer = customerOf(request);
    const { options, handle } = await passkeyRegistrationOptions(request.ctx, customer);
    reply.setCookie(challengeCookie.name, handle, { ...challengeCookie.options, sameSite: 'strict' });
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.post('/account/passkeys/register', async (request, reply) => {
    const customer = customerOf(request);
    const body = (request.body ?? {}) as { label?: unknown; response?: unknown };
    const result = await addPasskey(request.ctx, {
      customerId: customer.id,
      handle: request.cookies[challengeCookie.name],
      label: typeof body.label === 'string' ? body.label : '',
      response: body.response,
    });
    reply.clearCookie(challengeCookie.name, challengeCookie.options);
    if (!result.ok) throw new AppError('passkey-not-added', { reason: result.reason });
    return reply.status(201).send({ id: result.id, redirect: '/account/security?done=passkey-added' });
  });

  app.post('/account/passkeys/sign-in/options', async (request, reply) => {
    const { options, handle } = await passkeySignInOptions(request.ctx);
    reply.setCookie(challengeCookie.name, handle, { ...challengeCookie.options, sameSite: 'strict' });
    return reply.header('cache-control', 'no-store').send(options);
  });

  app.post('/account/passkeys/sign-in', async (request, reply) => {
    const body = (request.body ?? {}) as { response?: unknown; next?: unknown };
    const result = await signInWithPasskey(request.ctx, {
      handle: request.cookies[challengeCookie.name],
      response: body.response,
      userAgent: request.headers['user-agent'] ?? '',
    });
    reply.clearCookie(challengeCookie.name, challengeCookie.options);
    if (!result.ok) throw new AppError('passkey-failed');
    await replaceSession(request, reply, result.sessionToken);
    return reply.send({ redirect: safeAccountNext(body.next) });
  });
}
