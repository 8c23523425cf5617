import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a reminder's one-tap links can do; each link does exactly one of these for one plan. */
export const REMINDER_ACTIONS = ['reorder', 'skip', 'snooze', 'interval', 'stop'] as const;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];

export type ReminderLink = { action: ReminderAction; planId: string; cycle: number };

function signature(secret: string, link: ReminderLink): string {
  return createHmac('sha256', secret)
    .update(`replenishment-link\u0000${link.action}\u0000${link.planId}\u0000${link.cycle}`)
    .digest('base64url');
}

/**
 * The path of a signed one-tap link: `/reminders/<action>/<plan id>.<cycle>.<HMAC>`. The HMAC (SHA-256 with
 * the session secret, 256 bits) binds the action, the plan and the reminder's cycle, so a link works without
 * signing in for its one action on its one plan, and an edited link is refused.
 */
export function reminderLinkPath(secret: string, link: ReminderLink): string {
  return `/reminders/${link.action}/${link.planId}.${link.cycle}.${signature(secret, link)}`;
}

/** The link a path's action and token stand for, or null when it was not signed by us (tampered, cut short). */
export function readReminderLink(secret: string, action: string, token: string): ReminderLink | null {
  if (!(REMINDER_ACTIONS as readonly string[]).includes(action)) return null;
  const match = /^([0-9a-f-]{36})\.([1-9][0-9]{0,8})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const link: ReminderLink = { action: action as ReminderAction, planId: match[1]!, cycle: Number(match[2]) };
  const expected = Buffer.from(signature(secret, link));
  const given = Buffer.from(match[3]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? link : null;
}
