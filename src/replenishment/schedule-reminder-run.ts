import { Temporal } from 'temporal-polyfill';
import type { Ctx } from '../context.ts';
import { enqueueJob } from '../jobs/enqueue-job.ts';

/** The daily run starts at this local time (shop zone); the gateway then still holds reminders for quiet hours. */
const DAILY_AT = { hour: 9 };

/** Makes sure the next daily run is scheduled (idempotent per day): at 09:00 shop time, today if still ahead, else tomorrow. */
export async function scheduleReminderRun(ctx: Ctx): Promise<void> {
  const zone = ctx.config.shopTimezone;
  const local = ctx.clock.now().toZonedDateTimeISO(zone);
  let day = local.toPlainDate();
  if (local.hour >= DAILY_AT.hour) day = day.add({ days: 1 });
  const runAt = day.toZonedDateTime({ timeZone: zone, plainTime: Temporal.PlainTime.from(DAILY_AT) });
  await enqueueJob(ctx, {
    kind: 'replenishment-reminders',
    payload: {},
    idempotencyKey: `replenishment-reminders:${day.toString()}`,
    runAt: new Date(runAt.epochMilliseconds).toISOString(),
  });
}
