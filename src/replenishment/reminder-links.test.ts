import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readReminderLink, reminderLinkPath } from './reminder-links.ts';

const SECRET = 's'.repeat(64);
const PLAN = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('signed reminder links', () => {
  it('reads back the action, plan and cycle it was made for', () => {
    const path = reminderLinkPath(SECRET, { action: 'skip', planId: PLAN, cycle: 3 });
    const [, , action, token] = path.split('/');
    assert.deepEqual(readReminderLink(SECRET, action!, token!), { action: 'skip', planId: PLAN, cycle: 3 });
  });

  it('refuses a link whose action, cycle, plan or signature was changed, or made with another secret', () => {
    const path = reminderLinkPath(SECRET, { action: 'skip', planId: PLAN, cycle: 3 });
    const token = path.split('/')[3]!;
    assert.equal(readReminderLink(SECRET, 'stop', token), null, 'another action');
    assert.equal(readReminderLink(SECRET, 'skip', token.replace('.3.', '.4.')), null, 'another cycle');
    assert.equal(
      readReminderLink(SECRET, 'skip', token.replace(PLAN.slice(0, 4), '0000')),
      null,
      'another plan',
    );
    const sig = token.split('.')[2]!;
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    assert.equal(readReminderLink(SECRET, 'skip', token.replace(sig, flipped)), null, 'another signature');
    assert.equal(readReminderLink(SECRET, 'skip', token.slice(0, -5)), null, 'cut short');
    assert.equal(readReminderLink('t'.repeat(64), 'skip', token), null, 'another secret');
    assert.equal(readReminderLink(SECRET, 'delete', token), null, 'an unknown action');
  });
});
