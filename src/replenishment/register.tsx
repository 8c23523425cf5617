import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { customerOf } from '../customers/guard.ts';
import { AppError } from '../errors.ts';
import { registerBroadcastAdmin } from '../messaging/broadcast/register.tsx';
import { cartIdFrom, setCartCookie } from '../orders/cart-cookie.ts';
import { loadPreferences } from '../preferences/preference-store.ts';
import { formatDay, formatPrice } from '../web/i18n/format.ts';
import { pageCtx } from '../web/page-context.ts';
import { sendPage } from '../web/render.ts';
import { changePlan, type PlanChange, type PlanChangeResult, SNOOZE_DAYS } from './change-plan.ts';
import { customerPlans, findPlan, type PlanView } from './find-plan.ts';
import { LinkPage } from './pages/link-page.tsx';
import { RemindersPage } from './pages/reminders-page.tsx';
import { addDays, MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS } from './predict-interval.ts';
import { proposePlans } from './propose-plans.ts';
import { type ReminderLink, readReminderLink } from './reminder-links.ts';
import { reorderFromReminder } from './reorder-from-reminder.ts';
import { scheduleReminderRun } from './schedule-reminder-run.ts';
import { shopToday } from './shop-today.ts';

/** This domain's pages: the customer's reminders, the reminders' one-tap links; and staff messages. */
export function registerReplenishment(app: FastifyInstance): void {
  registerBroadcastAdmin(app);

  // the daily reminder run keeps itself going once the first plan exists; after a restart, make sure it is due
  app.addHook('onReady', async () => {
    const ctx = {
      db: app.deps.db,
      clock: app.deps.clock,
      config: app.config,
      locale: app.config.defaultLocale,
    };
    const any = await ctx.db.selectFrom('replenishment_plans').select('id').limit(1).executeTakeFirst();
    if (any) await scheduleReminderRun(ctx);
  });

  app.get('/account/reminders', async (request, reply) => {
    const customer = customerOf(request);
    const saved = (request.query as { saved?: string }).saved === '1';
    return remindersPage(request, reply, customer.id, saved ? request.t('replenish.saved') : undefined);
  });

  app.post('/account/reminders/:id', async (request, reply) => {
    const customer = customerOf(request);
    const { id } = request.params as { id: string };
    const plan = await findPlan(request.ctx, String(id));
    if (!plan || plan.customerId !== customer.id) throw new AppError('not-found');
    const body = (request.body ?? {}) as { action?: unknown; days?: unknown };
    const change = changeOf(String(body.action ?? ''), body.days);
    if (!change) throw new AppError('invalid-input', { reason: 'action' });
    const result = await changePlan(request.ctx, plan.id, change);
    if (!result.ok && result.reason === 'bad-interval')
      return remindersPage(request, reply, customer.id, undefined, {
        planId: plan.id,
        text: request.t('replenish.badInterval', { min: MIN_INTERVAL_DAYS, max: MAX_INTERVAL_DAYS }),
      });
    if (!result.ok && result.reason === 'no-address')
      return remindersPage(request, reply, customer.id, undefined, {
        planId: plan.id,
        text: request.t('replenish.auto.noAddress'),
        field: 'auto',
      });
    return reply.redirect('/account/reminders?saved=1', 303);
  });

  // one-tap links from a reminder: GET shows what will happen (scanners follow links), POST does it
  app.get('/reminders/:action/:token', async (request, reply) => {
    const { link, plan } = await linkOf(request);
    return sendLinkPage(request, reply, link, plan);
  });

  app.post('/reminders/:action/:token', async (request, reply) => {
    const { link, plan } = await linkOf(request);
    const ctx = request.ctx;
    const t = request.t;
    if (link.action === 'reorder') {
      const result = await reorderFromReminder(ctx, {
        planId: plan.id,
        cycle: link.cycle,
        cartId: cartIdFrom(request, app.config),
      });
      if (!result.ok) throw new AppError('out-of-stock', { skus: plan.productName });
      setCartCookie(reply, app.config, result.cartId);
      return reply.redirect('/checkout', 303);
    }
    const body = (request.body ?? {}) as { days?: unknown };
    const change = changeOf(link.action, body.days)!;
    const result = await changePlan(ctx, plan.id, change, link.action === 'interval' ? null : link.cycle);
    if (!result.ok) {
      if (result.reason === 'bad-interval')
        return sendLinkPage(
          request,
          reply,
          link,
          plan,
          undefined,
          t('replenish.badInterval', { min: MIN_INTERVAL_DAYS, max: MAX_INTERVAL_DAYS }),
          422,
        );
      return sendLinkPage(request, reply, link, plan, t('replenish.outdated'), undefined, 409);
    }
    return sendLinkPage(request, reply, link, plan, doneText(request, link, plan, result));
  });
}

async function remindersPage(
  request: FastifyRequest,
  reply: FastifyReply,
  customerId: string,
  notice?: string,
  error?: { planId: string; text: string; field?: 'auto' },
): Promise<FastifyReply> {
  const ctx = request.ctx;
  await proposePlans(ctx, customerId);
  const [plans, { prefs }] = await Promise.all([
    customerPlans(ctx, customerId),
    loadPreferences(ctx, customerId),
  ]);
  reply.header('cache-control', 'no-store');
  return sendPage(
    reply,
    <RemindersPage
      ctx={pageCtx(request, request.server.config)}
      plans={plans}
      topicOn={prefs.topics.replenishment === 'on'}
      notice={notice}
      error={error}
    />,
    error ? 422 : 200,
  );
}

function changeOf(action: string, days: unknown): PlanChange | null {
  switch (action) {
    case 'skip':
    case 'snooze':
    case 'stop':
    case 'resume':
    case 'auto-on':
    case 'auto-off':
      return { action };
    case 'interval': {
      const n = typeof days === 'string' && /^\s*\d{1,4}\s*$/.test(days) ? Number(days) : Number.NaN;
      return { action: 'interval', days: n };
    }
    default:
      return null;
  }
}

/** The signed link and its plan; anything else is refused with a clear page (403), never acted on. */
async function linkOf(request: FastifyRequest): Promise<{ link: ReminderLink; plan: PlanView }> {
  const { action, token } = request.params as { action: string; token: string };
  const link = readReminderLink(request.server.config.sessionSecret, action, token);
  if (!link) throw new AppError('reminder-link-invalid');
  const plan = await findPlan(request.ctx, link.planId);
  if (!plan) throw new AppError('reminder-link-invalid');
  return { link, plan };
}

async function sendLinkPage(
  request: FastifyRequest,
  reply: FastifyReply,
  link: ReminderLink,
  plan: PlanView,
  done?: string,
  error?: string,
  status = 200,
): Promise<FastifyReply> {
  const t = request.t;
  const product = plan.productName;
  const locale = request.locale;
  const today = shopToday(request.ctx);
  let explain: string | null = null;
  switch (link.action) {
    case 'reorder': {
      const reminder = await request.ctx.db
        .selectFrom('replenishment_reminders')
        .select(['quoted_cents', 'price_valid_until'])
        .where('plan_id', '=', plan.id)
        .where('cycle', '=', link.cycle)
        .executeTakeFirst();
      const now = new Date(request.ctx.clock.now().epochMilliseconds).toISOString();
      if (reminder) {
        const until = formatDay(lastValidDay(request, reminder.price_valid_until), locale);
        explain =
          reminder.price_valid_until > now
            ? t('replenish.link.reorder.explain', {
                quantity: plan.quantity,
                product,
                price: formatPrice(
                  reminder.quoted_cents * plan.quantity,
                  locale,
                  request.server.config.currency,
                ),
                date: until,
              })
            : t('replenish.link.reorder.explainExpired', { quantity: plan.quantity, product, date: until });
      } else {
        explain = t('replenish.link.reorder.explainExpired', { quantity: plan.quantity, product, date: '—' });
      }
      break;
    }
    case 'skip':
      explain =
        plan.nextRunOut && plan.intervalDays
          ? t('replenish.link.skip.explain', {
              date: formatDay(addDays(plan.nextRunOut, plan.intervalDays), locale),
            })
          : null;
      break;
    case 'snooze':
      explain = t('replenish.link.snooze.explain', { date: formatDay(addDays(today, SNOOZE_DAYS), locale) });
      break;
    case 'stop':
      explain = t('replenish.link.stop.explain', { product });
      break;
    case 'interval':
      explain = null;
      break;
  }
  const title =
    link.action === 'interval' || link.action === 'stop'
      ? t(`replenish.link.${link.action}.title`, { product })
      : t(`replenish.link.${link.action}.title`);
  reply.header('cache-control', 'no-store');
  reply.header('referrer-policy', 'no-referrer');
  return sendPage(
    reply,
    <LinkPage
      ctx={pageCtx(request, request.server.config)}
      action={link.action}
      title={title}
      explain={explain}
      done={done}
      error={error}
      intervalDays={plan.intervalDays}
    />,
    status,
  );
}

/** The last calendar day (shop zone) on which a price valid until `iso` still holds. */
function lastValidDay(request: FastifyRequest, iso: string): string {
  const ms = Date.parse(iso) - 1;
  return new Date(ms)
    .toLocaleDateString('sv-SE', { timeZone: request.server.config.shopTimezone })
    .slice(0, 10);
}

function doneText(
  request: FastifyRequest,
  link: ReminderLink,
  plan: PlanView,
  result: Extract<PlanChangeResult, { ok: true }>,
): string {
  const t = request.t;
  const date = result.nextRunOut ? formatDay(result.nextRunOut, request.locale) : '—';
  switch (link.action) {
    case 'skip':
      return t('replenish.done.skip', { date });
    case 'snooze':
      return t('replenish.done.snooze', {
        date: formatDay(addDays(shopToday(request.ctx), SNOOZE_DAYS), request.locale),
      });
    case 'interval':
      return t('replenish.done.interval', { days: result.intervalDays ?? 0, date });
    default:
      return t('replenish.done.stop', { product: plan.productName });
  }
}
