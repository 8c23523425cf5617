import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPreferences, type Preferences, type Topic } from '../../preferences/preferences.ts';
import type { DecisionInput, Suppression, Urgency } from './contract.ts';
import { decide } from './decide.ts';
import { compileProfile, type Reach } from './profile.ts';

const SINCE = '2026-01-01T00:00:00Z';
const ms = (iso: string) => Date.parse(iso);

/** A customer in Amsterdam with offers on (consent on record), quiet 21:00–08:00 and Sundays, 2 per week. */
function prefs(change: (p: Preferences) => void = () => {}): Preferences {
  const p = defaultPreferences('nl', 'Europe/Amsterdam');
  p.topics.offers = 'on';
  p.quiet.hours = { from: '21:00', to: '08:00' };
  p.quiet.days = [7];
  p.frequency = { max: 2, per: 'week' };
  change(p);
  return p;
}

function input(
  p: Preferences | null,
  topic: Topic,
  now: string,
  extra: {
    urgency?: Urgency;
    recent?: string[];
    suppressed?: Suppression;
    deadline?: string;
    reach?: Partial<Reach>;
    consent?: boolean;
  } = {},
): DecisionInput {
  const evidence =
    extra.consent === false ? {} : { [topic]: { state: p?.topics[topic] ?? 'off', at: SINCE } };
  return {
    profile: p ? compileProfile(p, evidence, { push: false, sms: false, ...extra.reach }) : null,
    topic,
    urgency: extra.urgency ?? 'normal',
    deadline: extra.deadline ? ms(extra.deadline) : null,
    recent: (extra.recent ?? []).map(ms),
    suppressed: extra.suppressed ?? null,
    now: ms(now),
  };
}

// 2026-11-27 is a Friday; Amsterdam is UTC+1 in winter
const FRIDAY_NOON = '2026-11-27T11:00:00Z';
const FRIDAY_NIGHT = '2026-11-27T22:30:00Z'; // 23:30 local
const SUNDAY_NOON = '2026-11-29T11:00:00Z';

describe('the gateway decision', () => {
  it('sends a topic the customer turned on, with consent on record, on the first enabled channel', () => {
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NOON)), {
      action: 'send',
      channel: 'email',
      reason: 'consent',
    });
  });

  it('drops a topic that is off, or on without consent evidence valid now', () => {
    assert.deepEqual(decide(input(prefs(), 'surveys', FRIDAY_NOON)), {
      action: 'drop',
      reason: 'no-consent',
    });
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NOON, { consent: false })), {
      action: 'drop',
      reason: 'no-consent',
    });
    const future = input(prefs(), 'offers', '2025-12-31T00:00:00Z');
    assert.equal(decide(future).action, 'drop', 'consent given after the moment of sending does not count');
  });

  it('accepts a soft opt-in only for new products for my appliances', () => {
    const p = prefs((x) => {
      x.topics['new-for-my-appliances'] = 'soft-opt-in';
    });
    assert.deepEqual(decide(input(p, 'new-for-my-appliances', FRIDAY_NOON)), {
      action: 'send',
      channel: 'email',
      reason: 'soft-opt-in',
    });
    const wrong = prefs((x) => {
      (x.topics as Record<string, string>).offers = 'soft-opt-in';
    });
    assert.equal(decide(input(wrong, 'offers', FRIDAY_NOON)).action, 'drop');
  });

  it('holds non-transactional messages in quiet hours until they end (Saturday 08:00 local)', () => {
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NIGHT)), {
      action: 'hold',
      until: '2026-11-28T07:00:00.000Z',
      reason: 'quiet-hours',
    });
  });

  it('holds through a quiet day and the quiet hours after it (Monday 08:00 local)', () => {
    assert.deepEqual(decide(input(prefs(), 'offers', SUNDAY_NOON)), {
      action: 'hold',
      until: '2026-11-30T07:00:00.000Z',
      reason: 'quiet-day',
    });
  });

  it('sends order updates of urgency now through quiet hours; other transactional ones wait', () => {
    assert.deepEqual(decide(input(prefs(), 'transactional', FRIDAY_NIGHT, { urgency: 'now' })), {
      action: 'send',
      channel: 'email',
      reason: 'transactional',
    });
    assert.equal(decide(input(prefs(), 'transactional', FRIDAY_NIGHT)).action, 'hold');
  });

  it('keeps to the frequency limit over a rolling week: holds until the oldest send leaves it, or digests low urgency', () => {
    const recent = ['2026-11-24T10:00:00Z', '2026-11-26T10:00:00Z'];
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NOON, { recent })), {
      action: 'hold',
      until: '2026-12-01T10:00:00.000Z',
      reason: 'frequency-cap',
    });
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NOON, { recent, urgency: 'low' })), {
      action: 'digest',
      reason: 'frequency-cap',
    });
    const older = ['2026-11-10T10:00:00Z', '2026-11-26T10:00:00Z'];
    assert.equal(decide(input(prefs(), 'offers', FRIDAY_NOON, { recent: older })).action, 'send');
    assert.equal(
      decide(input(prefs(), 'transactional', FRIDAY_NOON, { recent })).action,
      'send',
      'transactional messages are not limited',
    );
  });

  it('moves a limit that frees up in quiet hours on to the end of those hours', () => {
    const recent = ['2026-11-20T21:30:00Z', '2026-11-26T10:00:00Z']; // frees Friday 22:30 local
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NOON, { recent })), {
      action: 'hold',
      until: '2026-11-28T07:00:00.000Z',
      reason: 'frequency-cap',
    });
  });

  it('drops what would arrive after its deadline', () => {
    assert.deepEqual(decide(input(prefs(), 'offers', FRIDAY_NIGHT, { deadline: '2026-11-28T06:00:00Z' })), {
      action: 'drop',
      reason: 'deadline-passed',
    });
    assert.equal(decide(input(prefs(), 'offers', FRIDAY_NOON, { deadline: FRIDAY_NOON })).action, 'drop');
  });

  it('uses the next enabled channel when e-mail bounced, and drops with "suppressed" when none is left', () => {
    const pushToo = prefs((x) => {
      x.channels.enabled.push = true;
    });
    assert.deepEqual(
      decide(
        input(pushToo, 'transactional', FRIDAY_NOON, { suppressed: 'hard-bounce', reach: { push: true } }),
      ),
      { action: 'send', channel: 'push', reason: 'transactional' },
    );
    assert.deepEqual(decide(input(prefs(), 'transactional', FRIDAY_NOON, { suppressed: 'hard-bounce' })), {
      action: 'drop',
      reason: 'suppressed',
    });
    assert.deepEqual(decide(input(pushToo, 'transactional', FRIDAY_NOON, { suppressed: 'erased' })), {
      action: 'drop',
      reason: 'suppressed',
    });
  });

  it('follows the customer’s channel order, skipping channels the shop cannot use now', () => {
    const smsFirst = prefs((x) => {
      x.channels.order = ['sms', 'push', 'email', 'post'];
      x.channels.enabled = { email: true, push: true, sms: true, post: true };
    });
    assert.equal((decide(input(smsFirst, 'offers', FRIDAY_NOON)) as { channel: string }).channel, 'email');
    const reach = { sms: true };
    assert.equal(
      (decide(input(smsFirst, 'offers', FRIDAY_NOON, { reach })) as { channel: string }).channel,
      'sms',
    );
    const postOnly = prefs((x) => {
      x.channels.enabled = { email: false, push: false, sms: false, post: true };
    });
    assert.deepEqual(decide(input(postOnly, 'transactional', FRIDAY_NOON, { urgency: 'now' })), {
      action: 'drop',
      reason: 'no-channel',
    });
  });

  it('lets a guest have transactional e-mail only', () => {
    assert.deepEqual(decide(input(null, 'transactional', FRIDAY_NIGHT)), {
      action: 'send',
      channel: 'email',
      reason: 'transactional',
    });
    assert.deepEqual(decide(input(null, 'offers', FRIDAY_NOON)), { action: 'drop', reason: 'no-consent' });
  });

  it('sends what the recipient asked for (a sign-in link) unless the address bounced', () => {
    const asked = { ...input(prefs(), 'transactional', FRIDAY_NIGHT), onRequest: true };
    assert.deepEqual(decide(asked), { action: 'send', channel: 'email', reason: 'requested' });
    assert.deepEqual(decide({ ...asked, suppressed: 'hard-bounce' }), {
      action: 'drop',
      reason: 'suppressed',
    });
  });

  it('keeps quiet hours in the customer’s own zone across a DST change', () => {
    // 29 March 2026: Amsterdam goes to UTC+2; quiet until 08:00 local = 06:00 UTC on Monday 30 March
    const p = prefs((x) => {
      x.quiet.days = [];
    });
    assert.deepEqual(decide(input(p, 'offers', '2026-03-29T05:30:00Z')), {
      action: 'hold',
      until: '2026-03-29T06:00:00.000Z',
      reason: 'quiet-hours',
    });
    const tokyo = prefs((x) => {
      x.quiet.days = [];
      x.timeZone = 'Asia/Tokyo';
    });
    assert.equal(decide(input(tokyo, 'offers', FRIDAY_NOON)).action, 'send', '20:00 in Tokyo');
    assert.deepEqual(decide(input(tokyo, 'offers', '2026-11-27T13:00:00Z')), {
      action: 'hold',
      until: '2026-11-27T23:00:00.000Z',
      reason: 'quiet-hours',
    });
  });
});
