import type { FastifyInstance } from 'fastify';
import { AppError } from '../../errors.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { OutboxListPage, OutboxMessagePage } from './outbox-pages.tsx';

/** /admin/outbox: the messages the shop sent or kept. Staff only (the /admin guard). */
export function registerOutboxAdmin(app: FastifyInstance): void {
  app.get('/admin/outbox', async (request, reply) => {
    const messages = await request.ctx.db
      .selectFrom('outbox_messages')
      .select(['id', 'to_address', 'subject', 'status', 'created_at'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(200)
      .execute();
    const page = (
      <OutboxListPage ctx={pageCtx(request, app.config)} messages={messages} smtp={!!app.config.smtpUrl} />
    );
    return sendPage(reply, page);
  });

  app.get<{ Params: { id: string } }>('/admin/outbox/:id', async (request, reply) => {
    const message = await request.ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', '=', request.params.id)
      .executeTakeFirst();
    if (!message) throw new AppError('not-found');
    return sendPage(reply, <OutboxMessagePage ctx={pageCtx(request, app.config)} message={message} />);
  });
}
