import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../errors.ts';
import { ErrorSchema } from '../../web/api-schemas.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { customerOf } from '../guard.ts';
import { clearCustomerCookie } from '../sessions.ts';
import { eraseAccount, erasurePlan } from './erase-account.ts';
import { exportPersonalData, type PersonalDataExport } from './export-personal-data.ts';
import { ExportSummaryPage } from './pages/export-summary.tsx';
import { DeleteConfirmPage, DeletedPage, PrivacyPage } from './pages/privacy-pages.tsx';

const ExportSchema = Type.Object(
  {
    format: Type.Literal('toonbank-personal-data'),
    version: Type.Literal(1),
    exportedAt: Type.String({ format: 'date-time' }),
    shop: Type.String(),
    subject: Type.Object({ id: Type.String(), email: Type.String() }),
    household: Type.Union([
      Type.Null(),
      Type.Object({
        id: Type.String(),
        members: Type.Array(
          Type.Object({ name: Type.Union([Type.String(), Type.Null()]), you: Type.Boolean() }),
          {
            description: "Shared with the household: the members' names only",
          },
        ),
      }),
    ]),
    tables: Type.Record(
      Type.String(),
      Type.Object({
        what: Type.String({ description: 'What the table holds, in the language of the request' }),
        onErase: Type.Union(
          [Type.Literal('delete'), Type.Literal('anonymise'), Type.Literal('retain-fiscal')],
          {
            description: 'What deleting the account does with these rows',
          },
        ),
        rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
      }),
      {
        description: 'Every table marked personal in the schema, by name, even when empty; secrets left out',
      },
    ),
  },
  { $id: 'PersonalDataExport' },
);

/**
 * The customer's own data (GDPR Art. 15, 17, 20): /account/privacy with the export (JSON, readable summary) and
 * the two-step account deletion, and `GET /api/v1/me/export`. Every route serves only the signed-in customer's
 * data; none takes an id, so there is nobody else's data to ask for.
 */
export function registerPrivacy(app: FastifyInstance): void {
  app.get('/account/privacy', async (request, reply) => {
    customerOf(request);
    return sendPage(reply, <PrivacyPage ctx={pageCtx(request, app.config)} />);
  });

  app.get('/account/privacy/export.json', async (request, reply) => {
    const data = await exportOf(request);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `attachment; filename="${fileName(data, 'json')}"`)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(data, null, 2));
  });

  app.get('/account/privacy/export.html', async (request, reply) => {
    const data = await exportOf(request);
    reply.header('cache-control', 'no-store');
    if ((request.query as { download?: string }).download)
      reply.header('content-disposition', `attachment; filename="${fileName(data, 'html')}"`);
    return sendPage(reply, <ExportSummaryPage ctx={pageCtx(request, app.config)} data={data} />);
  });

  app.get('/account/privacy/delete', async (request, reply) => {
    const plan = await erasurePlan(request.ctx, customerOf(request).id);
    if (!plan) throw new AppError('customer-login-required');
    return sendPage(reply, <DeleteConfirmPage ctx={pageCtx(request, app.config)} plan={plan} />);
  });

  app.post('/account/privacy/delete', async (request, reply) => {
    const customer = customerOf(request);
    const confirmed = (request.body as Record<string, unknown> | undefined)?.confirm === 'yes';
    if (!confirmed) {
      const plan = await erasurePlan(request.ctx, customer.id);
      if (!plan) throw new AppError('customer-login-required');
      return sendPage(reply, <DeleteConfirmPage ctx={pageCtx(request, app.config)} plan={plan} error />, 422);
    }
    const result = await eraseAccount(request.ctx, customer.id);
    clearCustomerCookie(reply, app.config);
    request.customer = null;
    if (!result.erased) throw new AppError('customer-login-required');
    return sendPage(
      reply,
      <DeletedPage ctx={pageCtx(request, app.config)} at={result.at} retained={result.retained} />,
    );
  });

  app.get(
    '/api/v1/me/export',
    {
      schema: {
        tags: ['account'],
        summary:
          'Everything held about the signed-in customer (GDPR Art. 15/20): every table marked personal in the schema',
        response: { 200: ExportSchema, 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      const data = await exportOf(request);
      return reply.header('cache-control', 'no-store').send(data);
    },
  );

  app.delete(
    '/api/v1/me',
    {
      schema: {
        tags: ['account'],
        summary:
          'Delete the signed-in account (GDPR Art. 17): personal data removed or anonymised everywhere, sales records kept until their purge date, all sessions ended',
        body: Type.Object({
          confirm: Type.Literal('delete-my-account', {
            description: 'Says the client asked the customer first',
          }),
        }),
        response: {
          200: Type.Object({
            erasedAt: Type.String({ format: 'date-time' }),
            retained: Type.Array(
              Type.Object({
                number: Type.String(),
                createdAt: Type.String({ format: 'date-time' }),
                totalCents: Type.Integer(),
                currency: Type.String(),
                purgeAfter: Type.String({ format: 'date-time', description: 'Anonymised after this moment' }),
              }),
              { description: 'Sales records kept for the fiscal retention period (NL: 7 years)' },
            ),
          }),
          400: ErrorSchema,
          401: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const result = await eraseAccount(request.ctx, customerOf(request).id);
      clearCustomerCookie(reply, app.config);
      if (!result.erased) throw new AppError('customer-login-required');
      return { erasedAt: result.at, retained: result.retained };
    },
  );
}

async function exportOf(request: FastifyRequest): Promise<PersonalDataExport> {
  const data = await exportPersonalData(request.ctx, customerOf(request).id);
  if (!data) throw new AppError('customer-login-required');
  return data;
}

function fileName(data: PersonalDataExport, ext: string): string {
  return `personal-data-${data.exportedAt.slice(0, 10)}.${ext}`;
}
