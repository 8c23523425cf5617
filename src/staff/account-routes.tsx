import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { countOpenRequests } from '../appliances/admin/admin-requests.ts';
import { AppError, errorMessage } from '../errors.ts';
import { pageCtx } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { acceptInvite, invitation } from './accept-invite.ts';
import { checkAccountFields } from './account-fields.ts';
import { completeSetup } from './complete-setup.ts';
import { safeNext, staffOf } from './guard.ts';
import { logIn } from './log-in.ts';
import { usableLink } from './one-time-links.ts';
import { AccountPage } from './pages/account-page.tsx';
import { formField } from './pages/form-body.ts';
import { AdminHomePage } from './pages/home-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie.ts';
import { createSession, endAllSessions, endSession } from './sessions.ts';

/** Setup link, login, logout, invitation acceptance and the admin home. */
export function registerAccountRoutes(app: FastifyInstance): void {
  const { config } = app;

  async function startSession(
    request: FastifyRequest,
    reply: FastifyReply,
    staffId: string | null,
    token?: string,
  ) {
    const old = sessionToken(request, config);
    if (old) await endSession(request.ctx, old);
    const fresh = token ?? (await createSession(request.ctx, staffId!, request.headers['user-agent'] ?? ''));
    setSessionCookie(reply, config, fresh);
  }

  app.get('/admin', async (request, reply) => {
    const openRequests = await countOpenRequests(request.ctx);
    const page = (
      <AdminHomePage ctx={pageCtx(request, config)} staff={staffOf(request)} openRequests={openRequests} />
    );
    return sendPage(reply, page);
  });

  app.get('/admin/setup/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    if (!(await usableLink(request.ctx, token, 'setup'))) throw new AppError('link-invalid');
    return sendPage(reply, setupPage(request, token, { name: '', email: '' }, {}));
  });

  app.post('/admin/setup/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const raw = fields(request.body, ['name', 'email', 'password', 'repeat']);
    const checked = checkAccountFields(raw, ['name', 'email', 'password', 'repeat']);
    if (!checked.ok) {
      if (!(await usableLink(request.ctx, token, 'setup'))) throw new AppError('link-invalid');
      return sendPage(
        reply,
        setupPage(request, token, { name: raw.name, email: raw.email }, checked.errors),
        422,
      );
    }
    const result = await completeSetup(request.ctx, token, checked.value);
    if (!result.ok && result.reason === 'link-invalid') throw new AppError('link-invalid');
    if (!result.ok) return sendPage(reply, setupPage(request, token, raw, { email: 'email-taken' }), 422);
    await startSession(request, reply, result.staffId);
    return reply.redirect('/admin', 303);
  });

  app.get('/admin/invite/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const invited = await invitation(request.ctx, token);
    if (!invited) throw new AppError('link-invalid');
    return sendPage(reply, invitePage(request, token, invited, {}));
  });

  app.post('/admin/invite/:token', async (request, reply) => {
    const { token } = request.params as { token: string };
    const invited = await invitation(request.ctx, token);
    if (!invited) throw new AppError('link-invalid');
    const raw = fields(request.body, ['name', 'password', 'repeat']);
    const checked = checkAccountFields(raw, ['name', 'password', 'repeat']);
    if (!checked.ok)
      return sendPage(reply, invitePage(request, token, { ...invited, name: raw.name }, checked.errors), 422);
    const result = await acceptInvite(request.ctx, token, checked.value);
    if (!result.ok) throw new AppError('link-invalid');
    await startSession(request, reply, result.staffId);
    return reply.redirect('/admin', 303);
  });

  app.get('/admin/login', async (request, reply) => {
    const query = request.query as { next?: string; out?: string };
    const next = safeNext(query.next);
    if (request.staff) return reply.redirect(next, 303);
    const notice = query.out ? request.t('login.loggedOut') : undefined;
    return sendPage(reply, <LoginPage ctx={pageCtx(request, config)} next={next} email="" notice={notice} />);
  });

  app.post(
    '/admin/login',
    { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const next = safeNext((request.query as { next?: string }).next);
      const email = formField(request.body, 'email');
      const result = await logIn(request.ctx, {
        email,
        password: formField(request.body, 'password'),
        userAgent: request.headers['user-agent'] ?? '',
      });
      if (!result.ok) {
        const message = errorMessage(result.reason, request.locale);
        const status = result.reason === 'too-many-requests' ? 429 : 401;
        return sendPage(
          reply,
          <LoginPage ctx={pageCtx(request, config)} next={next} email={email} error={message} />,
          status,
        );
      }
      await startSession(request, reply, result.staffId, result.token);
      return reply.redirect(next, 303);
    },
  );

  app.post('/admin/logout', async (request, reply) => {
    const token = sessionToken(request, config);
    if (token) await endSession(request.ctx, token);
    clearSessionCookie(reply, config);
    return reply.redirect('/admin/login?out=1', 303);
  });

  app.post('/admin/logout-everywhere', async (request, reply) => {
    await endAllSessions(request.ctx, staffOf(request).id);
    clearSessionCookie(reply, config);
    return reply.redirect('/admin/login?out=1', 303);
  });

  function setupPage(
    request: FastifyRequest,
    token: string,
    values: { name: string; email: string },
    errors: object,
  ) {
    const { t } = request;
    return (
      <AccountPage
        ctx={pageCtx(request, config)}
        title={t('setup.title')}
        intro={t('setup.intro')}
        action={`/admin/setup/${encodeURIComponent(token)}`}
        submit={t('setup.submit')}
        askEmail
        values={values}
        errors={errors}
      />
    );
  }

  function invitePage(
    request: FastifyRequest,
    token: string,
    invited: { name: string; email: string },
    errors: object,
  ) {
    const { t } = request;
    return (
      <AccountPage
        ctx={pageCtx(request, config)}
        title={t('invite.title')}
        intro={t('invite.intro', { email: invited.email })}
        action={`/admin/invite/${encodeURIComponent(token)}`}
        submit={t('invite.submit')}
        askEmail={false}
        values={invited}
        errors={errors}
      />
    );
  }
}

function fields<K extends string>(body: unknown, names: K[]): Record<K, string> {
  return Object.fromEntries(names.map((n) => [n, formField(body, n)])) as Record<K, string>;
}
