import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { cookieSpec } from '../web/cookies.ts';

const SESSION_SECONDS = 12 * 3600;

/** The staff session cookie: `__Host-tb_staff` over HTTPS, HttpOnly, SameSite=Lax; app.ts reads it back. */
export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  const spec = cookieSpec(config, 'tb_staff', SESSION_SECONDS);
  reply.setCookie(spec.name, token, spec.options);
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  const spec = cookieSpec(config, 'tb_staff');
  reply.clearCookie(spec.name, spec.options);
}

export function sessionToken(request: FastifyRequest, config: Config): string | undefined {
  return request.cookies[cookieSpec(config, 'tb_staff').name];
}
