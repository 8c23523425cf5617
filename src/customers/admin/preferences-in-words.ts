import type { Locale } from '../../config.ts';
import { type Preferences, TOPICS } from '../../preferences/preferences.ts';
import type { MessageKey, Translate } from '../../web/i18n/messages.ts';

/**
 * What a customer allows, as staff read it: one short sentence per part of the preferences document, e.g.
 * "E-mail only." "Topics: order updates; replenishment reminders." "At most 2 a month."
 * "Quiet 21:00–08:00 Europe/Amsterdam."
 */
export function preferencesInWords(prefs: Preferences, t: Translate, locale: Locale): string[] {
  const lines: string[] = [];
  const channels = prefs.channels.order
    .filter((c) => prefs.channels.enabled[c])
    .map((c) => t(`customerAdmin.channel.${c}` as MessageKey));
  if (channels.length === 1) lines.push(t('customerAdmin.channels.only', { channel: channels[0]! }));
  else lines.push(t('customerAdmin.channels.order', { channels: channels.join(', ') }));

  const topics = TOPICS.filter((topic) => prefs.topics[topic] !== 'off').map((topic) => {
    const name = t(`customerAdmin.topic.${topic}` as MessageKey);
    return prefs.topics[topic] === 'soft-opt-in' ? t('customerAdmin.softOptIn', { topic: name }) : name;
  });
  lines.push(t('customerAdmin.topics', { topics: topics.join('; ') }));

  lines.push(
    prefs.frequency
      ? t(prefs.frequency.per === 'week' ? 'customerAdmin.frequency.week' : 'customerAdmin.frequency.month', {
          max: prefs.frequency.max,
        })
      : t('customerAdmin.frequency.none'),
  );

  const { hours, days } = prefs.quiet;
  if (!hours && days.length === 0) lines.push(t('customerAdmin.quiet.none'));
  if (hours)
    lines.push(t('customerAdmin.quiet.hours', { from: hours.from, to: hours.to, zone: prefs.timeZone }));
  if (days.length > 0) {
    const weekday = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
      weekday: 'long',
      timeZone: 'UTC',
    });
    // 2026-11-30 is a Monday (ISO day 1)
    const names = [...days].sort().map((d) => weekday.format(new Date(Date.UTC(2026, 10, 29 + d))));
    lines.push(t('customerAdmin.quiet.days', { days: names.join(', ') }));
  }
  lines.push(
    t('customerAdmin.locale', { language: t(`customerAdmin.language.${prefs.locale}` as MessageKey) }),
  );
  return lines;
}
