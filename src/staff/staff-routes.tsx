import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.ts';
import { AppError } from '../errors.ts';
import type { MessageKey } from '../web/i18n/messages.ts';
import { pageCtx } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { checkAccountFields } from './account-fields.ts';
import { requireOwner } from './guard.ts';
import { inviteStaff } from './invite-staff.ts';
import { formField } from './pages/form-body.ts';
import { StaffPage, type StaffRow } from './pages/staff-page.tsx';
import { setStaffDisabled } from './set-staff-disabled.ts';
import type { StaffRole } from './tables.ts';

const DONE: Record<string, MessageKey> = { disabled: 'staff.disabledDone', enabled: 'staff.enabledDone' };

/** Staff management, owner only: list, invite, disable and enable. */
export function registerStaffRoutes(app: FastifyInstance): void {
  const { config } = app;

  async function page(
    request: FastifyRequest,
    extra: Partial<Omit<Parameters<typeof StaffPage>[0], 'ctx' | 'staff'>> = {},
  ) {
    return (
      <StaffPage
        ctx={pageCtx(request, config)}
        staff={await listStaff(request.ctx)}
        invite={{ name: '', email: '', role: 'staff' }}
        errors={{}}
        {...extra}
      />
    );
  }

  app.get('/admin/staff', async (request, reply) => {
    requireOwner(request);
    const done = DONE[String((request.query as { done?: string }).done)];
    return sendPage(reply, await page(request, { notice: done ? request.t(done) : undefined }));
  });

  app.post('/admin/staff/invite', async (request, reply) => {
    const owner = requireOwner(request);
    const role: StaffRole = formField(request.body, 'role') === 'owner' ? 'owner' : 'staff';
    const raw = { name: formField(request.body, 'name'), email: formField(request.body, 'email') };
    const checked = checkAccountFields(raw, ['email']);
    const nameTooLong = raw.name.trim().length > 200;
    const invite = { ...raw, role };
    if (!checked.ok || nameTooLong) {
      const errors = {
        ...(nameTooLong ? { name: request.t('account.problem.too-long') } : {}),
        ...(!checked.ok && checked.errors.email
          ? { email: request.t(`account.problem.${checked.errors.email}`) }
          : {}),
      };
      return sendPage(reply, await page(request, { invite, errors }), 422);
    }
    const result = await inviteStaff(request.ctx, owner.id, {
      name: raw.name.trim(),
      email: checked.value.email,
      role,
    });
    if (!result.ok) {
      return sendPage(
        reply,
        await page(request, { invite, errors: { email: request.t('account.problem.email-taken') } }),
        409,
      );
    }
    return sendPage(
      reply,
      await page(request, { created: { email: checked.value.email, url: result.url } }),
      201,
    );
  });

  for (const action of ['disable', 'enable'] as const) {
    app.post(`/admin/staff/:id/${action}`, async (request, reply) => {
      requireOwner(request);
      const { id } = request.params as { id: string };
      const result = await setStaffDisabled(request.ctx, id, action === 'disable');
      if (!result.ok && result.reason === 'not-found') throw new AppError('not-found');
      if (!result.ok) {
        return sendPage(
          reply,
          await page(request, { notice: request.t('staff.lastOwner'), noticeIsError: true }),
          409,
        );
      }
      return reply.redirect(`/admin/staff?done=${action}d`, 303);
    });
  }
}

async function listStaff(ctx: Ctx): Promise<StaffRow[]> {
  const rows = await ctx.db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'role', 'password_hash', 'disabled_at'])
    .orderBy('created_at')
    .orderBy('email')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    role: r.role,
    status: r.disabled_at ? 'disabled' : r.password_hash ? 'active' : 'invited',
  }));
}
