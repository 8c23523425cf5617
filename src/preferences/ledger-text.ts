import type { Locale } from '../config.ts';
import { formatDate } from '../web/i18n/format.ts';
import type { MessageKey, Translate } from '../web/i18n/messages.ts';
import type { LedgerRow } from './consent-ledger.ts';
import { CHANNELS, type Channel, TOPICS } from './preferences.ts';

export type LedgerLine = { id: string; at: string; when: string; text: string; detail: string };

/**
 * One ledger row in words, in the customer's language and time zone: "Je hebt Aanbiedingen aangezet" with
 * "via het voorkeurencentrum · tekstversie prefs-v1" as detail. Used by the history and "what changed".
 */
export function describeLedgerRow(
  row: LedgerRow,
  t: Translate,
  locale: Locale,
  timeZone: string,
): LedgerLine {
  const who =
    row.actor === 'customer'
      ? t('history.you')
      : row.actor === 'staff'
        ? t('history.staff', { name: row.staff_name ?? '?' })
        : t('history.system');
  const value = row.new_value === null ? null : (JSON.parse(row.new_value) as unknown);
  const text = sentence(row.subject, value, who, t);
  const via = t(`history.via.${row.source}` as MessageKey);
  const detail = [
    via.startsWith('history.') ? row.source : via,
    t('prefs.wording', { version: row.wording_version }),
  ];
  if (row.note && row.subject !== 'terms') detail.push(t('history.note', { note: row.note }));
  return {
    id: row.id,
    at: row.at,
    when: formatDate(row.at, locale, timeZone, true),
    text,
    detail: detail.join(' · '),
  };
}

export function channelName(c: string, t: Translate): string {
  return (CHANNELS as readonly string[]).includes(c) ? t(`prefs.channel.${c as Channel}`) : c;
}

export function topicName(topic: string, t: Translate): string {
  return (TOPICS as readonly string[]).includes(topic) ? t(`prefs.topic.${topic}` as MessageKey) : topic;
}

function sentence(subject: string, value: unknown, who: string, t: Translate): string {
  if (subject.startsWith('topics.')) {
    const topic = topicName(subject.slice('topics.'.length), t);
    if (value === 'soft-opt-in') return t('history.topicSoft', { who, topic });
    return t(value === 'on' ? 'history.topicOn' : 'history.topicOff', { who, topic });
  }
  if (subject.startsWith('channels.enabled.')) {
    const channel = channelName(subject.slice('channels.enabled.'.length), t);
    return t(value === true ? 'history.channelOn' : 'history.channelOff', { who, channel });
  }
  switch (subject) {
    case 'channels.order':
      return t('history.order', {
        who,
        order: (Array.isArray(value) ? (value as string[]) : []).map((c) => channelName(c, t)).join(', '),
      });
    case 'frequency': {
      const f = value as { max: number; per: 'week' | 'month' } | null;
      const text = f
        ? t('history.frequencyMax', { max: f.max, per: t(`prefs.frequency.${f.per}`) })
        : t('history.frequencyNone');
      return t('history.frequency', { who, value: text });
    }
    case 'quiet.hours': {
      const h = value as { from: string; to: string } | null;
      return t('history.quietHours', { who, value: h ? `${h.from}–${h.to}` : t('history.quietHoursNone') });
    }
    case 'quiet.days': {
      const days = Array.isArray(value) ? (value as number[]) : [];
      const text = days.length
        ? days.map((d) => t(`prefs.day.${d}` as MessageKey)).join(', ')
        : t('history.quietHoursNone');
      return t('history.quietDays', { who, value: text });
    }
    case 'timeZone':
      return t('history.timeZone', { who, value: String(value) });
    case 'locale':
      return t('history.locale', {
        who,
        value: value === 'en' ? t('prefs.language.en') : t('prefs.language.nl'),
      });
    case 'terms':
      return t('history.terms', { who });
    default:
      return t('history.other', { who, subject });
  }
}
