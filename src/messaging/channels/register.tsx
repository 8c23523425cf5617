import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { customerOf } from '../../customers/guard.ts';
import { AppError } from '../../errors.ts';
import { ErrorSchema } from '../../web/api-schemas.ts';
import { PUBLIC_DIR } from '../../web/assets.ts';
import { pageCtx } from '../../web/page-context.ts';
import { sendPage } from '../../web/render.ts';
import { NotificationsPage, type SmsSection } from './pages/notifications-page.tsx';
import { listPushDevices } from './push-devices.ts';
import { pushRenewalToken, renewPushSubscription } from './push-renewal.ts';
import { removePushDevice } from './remove-push-device.ts';
import { type PushSubscriptionInput, savePushSubscription } from './save-push-subscription.ts';
import { setPhoneNumber } from './set-phone-number.ts';
import { smsChannel } from './sms-channel.ts';
import { vapidDetails } from './vapid-details.ts';

const DONE = {
  subscribed: 'push.subscribed',
  removed: 'push.removed',
  'phone-saved': 'sms.saved',
  'phone-removed': 'sms.removed',
} as const;
const PHONE_ERRORS = {
  empty: 'sms.error.invalid',
  invalid: 'sms.error.invalid',
  'wrong-length': 'sms.error.wrongLength',
} as const;
const REASONS = {
  'invalid-endpoint': 'push.reason.invalidEndpoint',
  'invalid-keys': 'push.reason.invalidKeys',
} as const;

const SubscriptionSchema = Type.Object({
  endpoint: Type.String({ maxLength: 1024, description: 'The push service’s URL for this browser (https)' }),
  keys: Type.Object({
    p256dh: Type.String({ maxLength: 200, description: 'The browser’s P-256 public key, base64url' }),
    auth: Type.String({ maxLength: 100, description: 'The browser’s auth secret, base64url' }),
  }),
});

/** A service worker renews at most a few times a day; this stops anyone trying tokens. */
const RENEW_LIMIT = { rateLimit: { max: 10, timeWindow: '1 minute' } };

/**
 * Web push and SMS for customers: the page /account/notifications, the island's JSON post of a browser's
 * PushSubscription, removing a device, the mobile number for SMS, and the service worker at /sw.js (at the
 * root, so its scope covers the whole site; never cached for long, so a changed worker reaches browsers).
 */
export function registerChannels(app: FastifyInstance): void {
  const serviceWorker = readFileSync(resolve(PUBLIC_DIR, 'sw.js'), 'utf8');

  app.get('/sw.js', async (_request, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('service-worker-allowed', '/')
      .send(serviceWorker),
  );

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    sms: Partial<SmsSection> = {},
    status = 200,
  ) {
    const customer = customerOf(request);
    const done = (request.query as { done?: string }).done;
    const notice = done && Object.hasOwn(DONE, done) ? request.t(DONE[done as keyof typeof DONE]) : undefined;
    const account = await request.ctx.db
      .selectFrom('customers')
      .select('phone')
      .where('id', '=', customer.id)
      .executeTakeFirst();
    noStore(reply);
    return sendPage(
      reply,
      <NotificationsPage
        ctx={pageCtx(request, app.config)}
        vapidPublicKey={vapidDetails(app.config)?.publicKey ?? null}
        devices={await listPushDevices(request.ctx, customer.id)}
        sms={{ offered: smsChannel(app.config) !== null, phone: account?.phone ?? null, ...sms }}
        notice={notice}
      />,
      status,
    );
  }

  app.get('/account/notifications', (request, reply) => page(request, reply));

  app.post('/account/notifications/phone', async (request, reply) => {
    const customer = customerOf(request);
    const typed = String((request.body as { phone?: unknown } | undefined)?.phone ?? '').slice(0, 100);
    const result = await setPhoneNumber(request.ctx, customer.id, typed);
    if (!result.ok) return page(request, reply, { typed, error: PHONE_ERRORS[result.reason] }, 422);
    return reply.redirect(
      `/account/notifications?done=${result.phone ? 'phone-saved' : 'phone-removed'}`,
      303,
    );
  });

  app.post('/account/notifications/devices', async (request, reply) => {
    const customer = customerOf(request);
    if (!vapidDetails(app.config))
      throw new AppError('invalid-input', { reason: request.t('push.reason.notOffered') });
    const body = (request.body ?? {}) as Partial<PushSubscriptionInput>;
    const result = await savePushSubscription(
      request.ctx,
      customer.id,
      { endpoint: body.endpoint as string, keys: body.keys as PushSubscriptionInput['keys'] },
      request.headers['user-agent'] ?? '',
    );
    if (!result.ok) throw new AppError('invalid-input', { reason: request.t(REASONS[result.reason]) });
    noStore(reply);
    return reply.status(201).send({
      id: result.id,
      redirect: '/account/notifications?done=subscribed',
      // kept by the browser beside the subscription: its service worker renews the subscription with it
      renewal: pushRenewalToken(app.config.sessionSecret, {
        id: result.id,
        customerId: customer.id,
        endpoint: body.endpoint as string,
      }),
    });
  });

  // the service worker's pushsubscriptionchange: no session (it may have ended long ago); the renewal token
  // the browser got with its subscription is the proof. Same-origin JSON, like the rest of /api.
  app.post(
    '/api/v1/push-subscriptions/renew',
    {
      config: RENEW_LIMIT,
      schema: {
        tags: ['push'],
        summary:
          'Replace a browser’s push subscription after the browser changed it (pushsubscriptionchange)',
        description:
          'Sent by the shop’s service worker: the endpoint the shop knew, the renewal token it gave with that subscription, and the new subscription. The same customer keeps the device; the answer holds the token for next time.',
        body: Type.Object({
          oldEndpoint: Type.String({ maxLength: 1024 }),
          renewal: Type.String({ maxLength: 100 }),
          subscription: SubscriptionSchema,
        }),
        response: {
          200: Type.Object({ renewal: Type.String() }),
          400: ErrorSchema,
          403: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      if (!vapidDetails(app.config))
        throw new AppError('invalid-input', { reason: request.t('push.reason.notOffered') });
      const body = request.body as {
        oldEndpoint: string;
        renewal: string;
        subscription: PushSubscriptionInput;
      };
      const result = await renewPushSubscription(request.ctx, {
        oldEndpoint: body.oldEndpoint,
        renewal: body.renewal,
        subscription: body.subscription,
        userAgent: request.headers['user-agent'] ?? '',
      });
      if (!result.ok) {
        if (result.reason === 'refused') throw new AppError('forbidden');
        throw new AppError('invalid-input', { reason: request.t(REASONS[result.reason]) });
      }
      noStore(reply);
      return { renewal: result.renewal };
    },
  );

  app.post('/account/notifications/devices/:id/remove', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    if (!(await removePushDevice(request.ctx, customer.id, id))) throw new AppError('not-found');
    return reply.redirect('/account/notifications?done=removed', 303);
  });
}

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}
