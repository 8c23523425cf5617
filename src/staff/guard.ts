import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import type { SessionStaff } from './sessions.ts';

const PUBLIC = /^\/admin\/(login|logout|setup\/[^/]+|invite\/[^/]+)\/?$/;

/**
 * Every /admin path needs a logged-in staff member, except the login page and the one-time links. Pages redirect
 * to the login page (coming back afterwards); other methods answer 401. Runs before the body is read, so an
 * anonymous upload is refused without being parsed. Admin answers are never cached.
 */
export function registerAdminGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (!request.url.startsWith('/admin')) return done(); // the common case, without splitting the URL
    const path = request.url.split('?')[0] ?? '';
    if (path !== '/admin' && !path.startsWith('/admin/')) return done();
    reply.header('cache-control', 'no-store');
    if (PUBLIC.test(path) || request.staff) return done();
    if (request.method === 'GET' || request.method === 'HEAD') {
      reply.redirect(`/admin/login?next=${encodeURIComponent(request.url)}`, 303);
      return; // answered
    }
    done(new AppError('login-required'));
  });
}

/** The logged-in staff member; the guard has made sure there is one on /admin routes. */
export function staffOf(request: FastifyRequest): SessionStaff {
  if (!request.staff) throw new AppError('login-required');
  return request.staff;
}

/** Owner-only actions: anyone else gets 'forbidden'. */
export function requireOwner(request: FastifyRequest): SessionStaff {
  const staff = staffOf(request);
  if (staff.role !== 'owner') throw new AppError('forbidden');
  return staff;
}

/** Where to go after login: only a local /admin path, never another site (`//evil`, `/\evil`). */
export function safeNext(next: unknown): string {
  if (
    typeof next !== 'string' ||
    !/^\/admin(?:[/?#]|$)/.test(next) ||
    /[\\\s]/.test(next) ||
    next.includes('//')
  ) {
    return '/admin';
  }
  return next;
}
