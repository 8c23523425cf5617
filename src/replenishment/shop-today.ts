import type { Ctx } from '../context.ts';

/** Today's date (YYYY-MM-DD) in the shop's zone: run-out dates are calendar dates there. */
export function shopToday(ctx: Ctx): string {
  return ctx.clock.now().toZonedDateTimeISO(ctx.config.shopTimezone).toPlainDate().toString();
}
