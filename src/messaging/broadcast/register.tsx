import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normaliseModel } from '../../appliances/normalise-model.ts';
import { AppError } from '../../errors.ts';
import { staffOf } from '../../staff/guard.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import type { Audience } from './audience.ts';
import type { BroadcastCounts } from './broadcast-counts.ts';
import {
  type BroadcastForm,
  BroadcastFormPage,
  type BroadcastListItem,
  BroadcastPage,
} from './broadcast-pages.tsx';
import { createBroadcast } from './create-broadcast.ts';
import { requestBroadcastSend, sendJobKey } from './send-broadcast.ts';

const FIELDS = [
  'audience',
  'appliance',
  'subjectNl',
  'subjectEn',
  'bodyNl',
  'bodyEn',
  'idempotencyKey',
] as const;

/**
 * Staff messages: /admin/messages (write, preview the reach, send). Sending enqueues the send job and redirects
 * to the message's page, which shows the job's progress. The admin guard requires a staff login.
 */
export function registerBroadcastAdmin(app: FastifyInstance): void {
  app.get('/admin/messages', async (request, reply) =>
    formPage(request, reply, { idempotencyKey: randomUUID() }),
  );

  app.post('/admin/messages', async (request, reply) => {
    const staff = staffOf(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form: BroadcastForm = {};
    for (const f of FIELDS) if (typeof body[f] === 'string') form[f] = (body[f] as string).slice(0, 5000);
    // a form without a key (an old page, a script) still works, as one submission
    form.idempotencyKey = form.idempotencyKey?.slice(0, 100) || randomUUID();
    const t = request.t;
    const kind = form.audience ?? 'offers';
    if (kind !== 'offers' && kind !== 'appliance-owners' && kind !== 'recall')
      throw new AppError('invalid-input', { reason: 'audience' });
    let audience: Audience = { kind: 'offers' };
    if (kind !== 'offers') {
      const applianceId = await findAppliance(request, form.appliance ?? '');
      if (!applianceId) return formPage(request, reply, form, t('broadcast.unknownAppliance'), 422);
      audience = { kind: 'appliance-owners', applianceId, recall: kind === 'recall' };
    }
    const created = await createBroadcast(
      request.ctx,
      {
        audience,
        subjectNl: form.subjectNl ?? '',
        subjectEn: form.subjectEn ?? '',
        bodyNl: form.bodyNl ?? '',
        bodyEn: form.bodyEn ?? '',
        idempotencyKey: `${staff.id}:${form.idempotencyKey}`,
      },
      { id: staff.id, name: staff.name },
    );
    if (!created.ok)
      return formPage(
        request,
        reply,
        form,
        t(created.reason === 'required' ? 'broadcast.required' : 'broadcast.unknownAppliance'),
        422,
      );
    return reply.redirect(`/admin/messages/${created.id}`, 303);
  });

  app.get('/admin/messages/:id', async (request, reply) => {
    const b = await broadcastOf(request);
    const job =
      b.status === 'queued' || b.status === 'sending'
        ? await request.ctx.db
            .selectFrom('jobs')
            .select(['status', 'attempts', 'run_at'])
            .where('idempotency_key', '=', sendJobKey(b.id))
            .executeTakeFirst()
        : undefined;
    return sendPage(
      reply,
      <BroadcastPage
        ctx={pageCtx(request, app.config)}
        b={{
          id: b.id,
          subject: request.locale === 'nl' ? b.subject_nl : b.subject_en,
          topicNote: topicNote(request, b.audience),
          status: b.status,
          preview: JSON.parse(b.preview_json ?? 'null') as BroadcastCounts,
          counting: b.preview_cursor !== null,
          result: b.result_json ? (JSON.parse(b.result_json) as BroadcastCounts) : null,
          total: b.total_count,
          decided: b.decided_count,
          enqueued: b.enqueued_count,
          job: job ? { status: job.status, attempts: job.attempts, runAt: job.run_at } : null,
        }}
      />,
    );
  });

  // Sends it off as a job and shows its progress; pressing "send" again (a double submit) changes nothing.
  app.post('/admin/messages/:id/send', async (request, reply) => {
    staffOf(request);
    const b = await broadcastOf(request);
    const result = await requestBroadcastSend(request.ctx, b.id);
    // still counting: back to the page, which says so (and has no send button yet)
    if (!result.ok && result.reason !== 'preview-pending') throw new AppError('not-found');
    return reply.redirect(`/admin/messages/${b.id}`, 303);
  });
}

async function broadcastOf(request: FastifyRequest) {
  const { id } = request.params as { id: string };
  const b = await request.ctx.db
    .selectFrom('broadcasts')
    .selectAll()
    .where('id', '=', String(id).slice(0, 64))
    .executeTakeFirst();
  if (!b) throw new AppError('not-found');
  return b;
}

function topicNote(request: FastifyRequest, audience: string): string {
  const t = request.t;
  if (audience === 'offers') return t('broadcast.topicNote.offers');
  return audience === 'recall' ? t('broadcast.topicNote.recall') : t('broadcast.topicNote.appliance');
}

/** An appliance by its id, or by its model number as printed or normalised. */
async function findAppliance(request: FastifyRequest, text: string): Promise<string | null> {
  const value = text.trim().slice(0, 100);
  if (!value) return null;
  const row = await request.ctx.db
    .selectFrom('appliances')
    .select('id')
    .where((eb) =>
      eb.or([eb('id', '=', value), eb('model', '=', value), eb('model_norm', '=', normaliseModel(value))]),
    )
    .orderBy('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function formPage(
  request: FastifyRequest,
  reply: FastifyReply,
  form: BroadcastForm,
  error?: string,
  status = 200,
): Promise<FastifyReply> {
  const rows = await request.ctx.db
    .selectFrom('broadcasts')
    .select(['id', 'subject_nl', 'subject_en', 'status', 'created_at', 'staff_name', 'result_json'])
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  const history: BroadcastListItem[] = rows.map((r) => ({
    id: r.id,
    subject: request.locale === 'nl' ? r.subject_nl : r.subject_en,
    status: r.status,
    createdAt: r.created_at,
    staffName: r.staff_name,
    counts: r.result_json ? (JSON.parse(r.result_json) as BroadcastCounts) : null,
  }));
  return sendPage(
    reply,
    <BroadcastFormPage
      ctx={pageCtx(request, request.server.config)}
      form={form}
      error={error}
      history={history}
    />,
    status,
  );
}
