import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { customerOf } from '../guard.ts';
import { answerInvitation, openInvitation } from './answer-invitation.ts';
import { inviteToHousehold } from './invite-to-household.ts';
import { leaveHousehold, removeHouseholdMember } from './leave-household.ts';
import { HouseholdPage, InvitationPage } from './pages/household-page.tsx';
import { viewHousehold } from './view-household.ts';

const DONE = ['invited', 'joined', 'declined', 'left', 'removed'] as const;
type Done = (typeof DONE)[number];

/** /account/household: invite by e-mail, accept or decline, leave, remove (the creator). */
export function registerHouseholds(app: FastifyInstance): void {
  app.get('/account/household', async (request, reply) => {
    const customer = customerOf(request);
    const query = request.query as { done?: unknown; email?: unknown };
    const done = DONE.find((d) => d === query.done) as Done | undefined;
    const notice = done
      ? request.t(`household.done.${done}`, { email: typeof query.email === 'string' ? query.email : '' })
      : undefined;
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <HouseholdPage
        ctx={pageCtx(request, app.config)}
        me={customer.id}
        household={await viewHousehold(request.ctx, customer.id)}
        notice={notice}
      />,
    );
  });

  app.post('/account/household/invitations', async (request, reply) => {
    const customer = customerOf(request);
    const email = field(request, 'email').slice(0, 300);
    const result = await inviteToHousehold(request.ctx, customer, email);
    if (result.ok)
      return reply.redirect(`/account/household?done=invited&email=${encodeURIComponent(email.trim())}`, 303);
    reply.header('cache-control', 'no-store');
    return sendPage(
      reply,
      <HouseholdPage
        ctx={pageCtx(request, app.config)}
        me={customer.id}
        household={await viewHousehold(request.ctx, customer.id)}
        email={email}
        error={request.t(`household.error.${result.reason}`)}
      />,
      result.reason === 'too-many' ? 429 : result.reason === 'not-sent' ? 503 : 422,
    );
  });

  app.get('/account/household/join', async (request, reply) => {
    const customer = customerOf(request);
    const token = String((request.query as { token?: unknown }).token ?? '').slice(0, 100);
    const invitation = await openInvitation(request.ctx, customer, token);
    const household = await viewHousehold(request.ctx, customer.id);
    const inOtherHousehold =
      household.id !== null && household.id !== invitation.householdId && household.members.length > 1;
    reply.header('cache-control', 'no-store');
    reply.header('referrer-policy', 'no-referrer');
    return sendPage(
      reply,
      <InvitationPage
        ctx={pageCtx(request, app.config)}
        token={token}
        inviter={invitation.inviter}
        inOtherHousehold={inOtherHousehold}
      />,
    );
  });

  app.post('/account/household/join', async (request, reply) => {
    const customer = customerOf(request);
    const answer = field(request, 'answer');
    if (answer !== 'accept' && answer !== 'decline')
      throw new AppError('invalid-input', { reason: 'answer' });
    await answerInvitation(request.ctx, customer, field(request, 'token').slice(0, 100), answer);
    return reply.redirect(`/account/household?done=${answer === 'accept' ? 'joined' : 'declined'}`, 303);
  });

  app.post('/account/household/leave', async (request, reply) => {
    const customer = customerOf(request);
    await leaveHousehold(request.ctx, customer.id);
    return reply.redirect('/account/household?done=left', 303);
  });

  app.post('/account/household/members/:id/remove', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    await removeHouseholdMember(request.ctx, customer.id, id);
    return reply.redirect('/account/household?done=removed', 303);
  });
}

function field(request: FastifyRequest, name: string): string {
  const value = (request.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
}
