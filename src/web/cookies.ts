import type { CookieSerializeOptions } from '@fastify/cookie';
import { type Config, servesHttps } from '../config.ts';

/** Cookie name and options: `__Host-` prefixed and Secure over HTTPS, always HttpOnly and SameSite=Lax, path /. */
export function cookieSpec(
  config: Config,
  name: string,
  maxAgeSeconds?: number,
): { name: string; options: CookieSerializeOptions } {
  const https = servesHttps(config);
  return {
    name: https ? `__Host-${name}` : name,
    options: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: https,
      ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
    },
  };
}
