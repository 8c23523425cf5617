import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addCustomer } from '../../test/helpers/preference-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { AppError } from '../errors.ts';
import { consentAt, loadConsentAt, loadLedger } from './consent-ledger.ts';
import { changePreferences, loadPreferences, unsubscribeTopic } from './preference-store.ts';
import { defaultPreferences, type Preferences } from './preferences.ts';
import { grantSoftOptIn } from './soft-opt-in.ts';
import { WORDING } from './wording.ts';

const byCustomer = { source: 'preference-centre', actor: 'customer' } as const;

function withTopic(p: Preferences, topic: keyof Preferences['topics'], state: 'on' | 'off'): Preferences {
  return { ...p, topics: { ...p.topics, [topic]: state } };
}

async function rejectsWith(promise: Promise<unknown>, id: string, status: number) {
  await assert.rejects(promise, (e: unknown) => e instanceof AppError && e.id === id && e.status === status);
}

describe('preference store and consent ledger', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('gives the defaults at revision 0 without writing anything', async () => {
    const id = await addCustomer(t.ctx, { locale: 'en' });
    const { prefs, revision } = await loadPreferences(t.ctx, id);
    assert.equal(revision, 0);
    assert.deepEqual(prefs, defaultPreferences('en', 'Europe/Amsterdam'));
    assert.equal((await t.db.selectFrom('customer_preferences').selectAll().execute()).length, 0);
    assert.deepEqual(await loadLedger(t.ctx, id), []);
  });

  it('writes one ledger row per changed leaf, with old and new value and the wording shown', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    const next: Preferences = {
      ...withTopic(withTopic(prefs, 'offers', 'on'), 'stories', 'on'),
      channels: {
        order: ['sms', 'email', 'push', 'post'],
        enabled: { ...prefs.channels.enabled, sms: true },
      },
      quiet: { hours: { from: '21:00', to: '08:00' }, days: [7] },
      frequency: { max: 2, per: 'month' },
    };
    const result = await changePreferences(t.ctx, id, next, byCustomer);
    assert.deepEqual(result, { revision: 1, changes: 7, at: '2026-11-30T12:00:00.000Z' });
    const rows = await loadLedger(t.ctx, id);
    assert.deepEqual(rows.map((r) => r.subject).sort(), [
      'channels.enabled.sms',
      'channels.order',
      'frequency',
      'quiet.days',
      'quiet.hours',
      'topics.offers',
      'topics.stories',
    ]);
    const offers = rows.find((r) => r.subject === 'topics.offers')!;
    assert.equal(offers.old_value, '"off"');
    assert.equal(offers.new_value, '"on"');
    assert.equal(offers.wording_version, WORDING.preferenceCentre);
    assert.equal(offers.source, 'preference-centre');
    assert.equal(offers.actor, 'customer');
    assert.deepEqual((await loadPreferences(t.ctx, id)).prefs, next);
  });

  it('writes nothing and keeps the revision when nothing changed', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(t.ctx, id, withTopic(prefs, 'surveys', 'on'), byCustomer);
    const again = await changePreferences(t.ctx, id, withTopic(prefs, 'surveys', 'on'), byCustomer);
    assert.deepEqual(again, { revision: 1, changes: 0, at: null });
    assert.equal((await loadLedger(t.ctx, id)).length, 1);
  });

  it('refuses a stale revision with 409 and changes nothing', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(t.ctx, id, withTopic(prefs, 'offers', 'on'), {
      ...byCustomer,
      expectedRevision: 0,
    });
    await rejectsWith(
      changePreferences(t.ctx, id, withTopic(prefs, 'surveys', 'on'), { ...byCustomer, expectedRevision: 0 }),
      'preferences-stale',
      409,
    );
    const stored = await loadPreferences(t.ctx, id);
    assert.equal(stored.revision, 1);
    assert.equal(stored.prefs.topics.surveys, 'off');
    assert.equal((await loadLedger(t.ctx, id)).length, 1);
  });

  it('lets only one of two concurrent saves of the same revision win', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    const results = await Promise.allSettled([
      changePreferences(t.ctx, id, withTopic(prefs, 'offers', 'on'), { ...byCustomer, expectedRevision: 0 }),
      changePreferences(t.ctx, id, withTopic(prefs, 'surveys', 'on'), { ...byCustomer, expectedRevision: 0 }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(refused.reason instanceof AppError && refused.reason.id === 'preferences-stale');
    assert.equal((await loadLedger(t.ctx, id)).length, 1);
  });

  it('refuses to switch order and delivery updates off, with the reason per field (422)', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    const silenced = { ...prefs, topics: { ...prefs.topics, transactional: 'off' as const } };
    await assert.rejects(changePreferences(t.ctx, id, silenced, byCustomer), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.status, 422);
      assert.match(e.fields?.['topics.transactional'] ?? '', /cannot be switched off/);
      return true;
    });
    const noChannel = {
      ...prefs,
      channels: { ...prefs.channels, enabled: { email: false, push: false, sms: false, post: false } },
    };
    await rejectsWith(changePreferences(t.ctx, id, noChannel, byCustomer), 'validation-failed', 422);
    const malformed = { ...prefs, topics: { ...prefs.topics, offers: 'yes' } } as unknown as Preferences;
    await rejectsWith(changePreferences(t.ctx, id, malformed, byCustomer), 'validation-failed', 422);
    assert.equal((await loadLedger(t.ctx, id)).length, 0);
  });

  it('refuses a staff change without the staff member, and records the name when given', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    const next = withTopic(prefs, 'answers', 'on');
    await rejectsWith(
      changePreferences(t.ctx, id, next, { source: 'staff', actor: 'staff' }),
      'staff-change-unsigned',
      403,
    );
    await rejectsWith(
      changePreferences(t.ctx, id, next, { source: 'staff', actor: 'staff', staff: { id: 's1', name: ' ' } }),
      'staff-change-unsigned',
      403,
    );
    await changePreferences(t.ctx, id, next, {
      source: 'staff',
      actor: 'staff',
      staff: { id: 's1', name: 'Mieke de Vries' },
      note: 'asked by phone',
    });
    const [row] = await loadLedger(t.ctx, id);
    assert.equal(row!.actor, 'staff');
    assert.equal(row!.staff_id, 's1');
    assert.equal(row!.staff_name, 'Mieke de Vries');
    assert.equal(row!.note, 'asked by phone');
  });

  it('unsubscribes a topic in one step from a link, recorded as such', async () => {
    const id = await addCustomer(t.ctx);
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(t.ctx, id, withTopic(prefs, 'offers', 'on'), byCustomer);
    const result = await unsubscribeTopic(t.ctx, id, 'offers');
    assert.equal(result.changes, 1);
    assert.equal((await loadPreferences(t.ctx, id)).prefs.topics.offers, 'off');
    const last = (await loadLedger(t.ctx, id)).at(-1)!;
    assert.equal(last.source, 'unsubscribe-link');
    assert.equal(last.channel, 'email');
    assert.equal(last.wording_version, WORDING.unsubscribe);
    assert.deepEqual(await unsubscribeTopic(t.ctx, id, 'offers'), { revision: 2, changes: 0, at: null });
  });

  it('answers the consent valid at a moment, from the ledger', async () => {
    const id = await addCustomer(t.ctx);
    t.clock.set('2026-12-03T20:14:00Z');
    const { prefs } = await loadPreferences(t.ctx, id);
    await changePreferences(t.ctx, id, withTopic(prefs, 'offers', 'on'), byCustomer);
    t.clock.set('2026-12-10T09:00:00Z');
    await unsubscribeTopic(t.ctx, id, 'offers');
    const rows = await loadLedger(t.ctx, id);
    assert.equal(consentAt(rows, 'offers', '2026-12-01T00:00:00.000Z').state, 'off');
    const given = consentAt(rows, 'offers', '2026-12-05T00:00:00.000Z');
    assert.equal(given.state, 'on');
    assert.equal(given.at, '2026-12-03T20:14:00.000Z');
    assert.equal(given.source, 'preference-centre');
    assert.equal(given.wordingVersion, WORDING.preferenceCentre);
    assert.equal(consentAt(rows, 'offers', '2026-12-10T09:00:00.000Z').state, 'off');
    assert.equal(consentAt(rows, 'transactional', '2026-12-10T09:00:00.000Z').state, 'on');
    assert.deepEqual(await loadConsentAt(t.ctx, id, 'offers', '2026-12-05T00:00:00.000Z'), given);
    t.clock.set('2026-11-30T12:00:00Z');
  });

  describe('soft opt-in', () => {
    it('is granted after a purchase while the topic is off, and recorded as such', async () => {
      const id = await addCustomer(t.ctx);
      assert.deepEqual(await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-1001' }), {
        granted: true,
        revision: 1,
      });
      assert.equal((await loadPreferences(t.ctx, id)).prefs.topics['new-for-my-appliances'], 'soft-opt-in');
      const [row] = await loadLedger(t.ctx, id);
      assert.equal(row!.source, 'soft-opt-in');
      assert.equal(row!.actor, 'system');
      assert.equal(row!.wording_version, WORDING.softOptIn);
      assert.match(row!.note ?? '', /TB-1001/);
    });

    it('is never granted after the customer turned the topic off', async () => {
      const id = await addCustomer(t.ctx);
      await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-1002' });
      await unsubscribeTopic(t.ctx, id, 'new-for-my-appliances');
      assert.deepEqual(await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-1003' }), {
        granted: false,
        reason: 'turned-off-before',
      });
      assert.equal((await loadPreferences(t.ctx, id)).prefs.topics['new-for-my-appliances'], 'off');
    });

    it('does not replace consent the customer gave', async () => {
      const id = await addCustomer(t.ctx);
      const { prefs } = await loadPreferences(t.ctx, id);
      await changePreferences(t.ctx, id, withTopic(prefs, 'new-for-my-appliances', 'on'), byCustomer);
      assert.deepEqual(await grantSoftOptIn(t.ctx, id, { orderNumber: 'TB-1004' }), {
        granted: false,
        reason: 'already-set',
      });
    });

    it('cannot be set on any other topic', async () => {
      const id = await addCustomer(t.ctx);
      const { prefs } = await loadPreferences(t.ctx, id);
      const next = { ...prefs, topics: { ...prefs.topics, offers: 'soft-opt-in' as const } };
      await rejectsWith(changePreferences(t.ctx, id, next, byCustomer), 'validation-failed', 422);
    });
  });
});
