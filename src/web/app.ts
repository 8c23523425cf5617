import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { LookupService } from '../appliances/lookup-service.ts';
import { type Clock, systemClock } from '../clock.ts';
import { type Config, LOCALES, type Locale } from '../config.ts';
import type { Ctx } from '../context.ts';
import { CUSTOMER_COOKIE, loadCustomerSession, type SessionCustomer } from '../customers/sessions.ts';
import { dataVersionOf } from '../db/data-version.ts';
import type { Db } from '../db/database.ts';
import { ShippingSettingsService } from '../orders/shipping-settings-service.ts';
import { loadSession, type SessionStaff } from '../staff/sessions.ts';
import { PUBLIC_DIR } from './assets.ts';
import { cachedAnswers, type RawHandler, serverAnsweringFirst } from './cached-answers.ts';
import { cookieSpec } from './cookies.ts';
import { registerCsrf } from './csrf.ts';
import { registerErrorHandling } from './error-handler.tsx';
import { registerFiniteNumbers } from './finite-numbers.ts';
import { LOCALE_COOKIE, resolveLocale } from './i18n/locale.ts';
import { type Translate, translator } from './i18n/messages.ts';
import { registerMetrics } from './metrics.ts';
import { registerOpenApi } from './openapi.ts';
import { registerPageCache } from './page-cache.ts';
import { redactTokens } from './redact-tokens.ts';
import { registerRoutes } from './routes.ts';
import { registerSecurityHeaders } from './security.ts';

export type AppDeps = { db: Db; clock?: Clock };
export type App = FastifyInstance;

/**
 * Builds the whole shop as one Fastify app, for `main.ts` and for tests alike. The database is handed in,
 * already migrated; the app never opens or closes it.
 */
export async function buildApp(config: Config, deps: AppDeps): Promise<App> {
  const clock = deps.clock ?? systemClock;
  let answerFromCache: RawHandler = () => false; // set once the page cache exists, below
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            // the log never holds a one-time token (sign-in, household, unsubscribe, reminder links, order pages)
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: redactTokens(req.url),
                ...(req.ip ? { ip: req.ip } : {}),
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: () => Math.random().toString(36).slice(2, 10),
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    serverFactory: (handler, options) =>
      serverAnsweringFirst(options, (req, res) => answerFromCache(req, res), handler),
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;
  app.decorate('deps', { db: deps.db, clock });
  app.decorate('config', config);

  registerSecurityHeaders(app, config);
  registerFiniteNumbers(app);
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(formbody);
  await app.register(rateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    wildcard: false,
  });
  const metrics = registerMetrics(app);
  await registerOpenApi(app, config);

  const staffCookie = cookieSpec(config, 'tb_staff');
  const customerCookie = cookieSpec(config, CUSTOMER_COOKIE);
  const translators = Object.fromEntries(LOCALES.map((l) => [l, translator(l)])) as Record<Locale, Translate>;
  app.decorateRequest('locale', 'nl' as Locale);
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('staff', null);
  app.decorateRequest('customer', null);
  app.decorateRequest('ctx', null as unknown as Ctx);
  // callback style, not async: the common path (no staff cookie) then costs no promise
  app.addHook('onRequest', (request, reply, done) => {
    const { locale, fromQuery } = resolveLocale(
      {
        query: request.query,
        cookie: request.cookies[LOCALE_COOKIE],
        acceptLanguage: request.headers['accept-language'],
      },
      config.defaultLocale,
    );
    request.locale = locale;
    request.t = translators[locale];
    request.ctx = { db: deps.db, clock, config, locale };
    if (fromQuery && request.cookies[LOCALE_COOKIE] !== locale) {
      reply.setCookie(LOCALE_COOKIE, locale, {
        path: '/',
        sameSite: 'lax',
        maxAge: 365 * 24 * 3600,
        httpOnly: true,
      });
    }
    const token = request.cookies[staffCookie.name];
    const customerToken = request.cookies[customerCookie.name];
    if (!token && !customerToken) return done();
    Promise.all([
      token ? loadSession(request.ctx, token) : null,
      customerToken ? loadCustomerSession(request.ctx, customerToken) : null,
    ]).then(([staff, customer]) => {
      request.staff = staff;
      request.customer = customer;
      done();
    }, done);
  });
  const lookup = new LookupService({ log: app.log });
  app.decorate('lookup', lookup);
  app.addHook('onReady', () => lookup.load({ db: deps.db, clock, config, locale: config.defaultLocale }));
  app.addHook('onClose', () => lookup.close());
  const shipping = new ShippingSettingsService({ log: app.log });
  app.decorate('shipping', shipping);
  app.addHook('onReady', () => shipping.load({ db: deps.db, clock, config, locale: config.defaultLocale }));
  app.addHook('onClose', () => shipping.close());
  const version = dataVersionOf(deps.db);
  // before registerCsrf: the page cache fills in CSRF tokens in its onSend hook, before that one sets the cookie
  const pageCache = version ? registerPageCache(app, { clock, version }) : null;
  const csrf = registerCsrf(app, config);
  if (pageCache) {
    const cached = cachedAnswers({
      cache: pageCache,
      csrf,
      metrics,
      defaultLocale: config.defaultLocale,
      log: app.log,
    });
    answerFromCache = cached;
    app.addHook('preClose', (done) => {
      cached.close();
      done();
    });
  }
  registerErrorHandling(app, config);
  await registerRoutes(app);
  return app;
}

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    deps: Required<AppDeps>;
    /** The in-memory appliance lookup, loaded when the app is ready; refresh it after changing appliances. */
    lookup: LookupService;
    /** The shipping settings in memory, loaded when the app is ready; refresh them after saving new ones. */
    shipping: ShippingSettingsService;
  }
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    /** The logged-in staff member, when a valid staff session cookie came with the request. */
    staff: SessionStaff | null;
    /** The signed-in customer, when a valid customer session cookie came with the request. */
    customer: SessionCustomer | null;
    ctx: Ctx;
  }
}
