import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { announce, listen } from './change-channel.ts';

const onPostgres = (process.env.DATABASE_URL ?? '').startsWith('postgres');

/** Resolves with the next value pushed, or rejects after `ms`. */
function inbox<T>() {
  const items: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    push: (item: T) => {
      const w = waiting.shift();
      if (w) w(item);
      else items.push(item);
    },
    next: (ms = 5000) =>
      new Promise<T>((resolve, reject) => {
        const item = items.shift();
        if (item !== undefined) return resolve(item);
        const timer = setTimeout(() => reject(new Error('nothing arrived')), ms);
        waiting.push((i) => {
          clearTimeout(timer);
          resolve(i);
        });
      }),
    get pending() {
      return items.length;
    },
  };
}

describe('change channels: one LISTEN connection per process', {
  skip: !onPostgres && 'PostgreSQL only (LISTEN/NOTIFY)',
}, () => {
  let t: TestApp;
  const tag = randomBytes(4).toString('hex');
  const one = `toonbank_test_${tag}_one`;
  const two = `toonbank_test_${tag}_two`;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  /** The backends whose last statement LISTENed on one of this test's channels. */
  const listeners = async () =>
    (
      await sql<{
        pid: number;
      }>`select pid from pg_stat_activity where query like ${`listen toonbank_test_${tag}%`}`.execute(t.db)
    ).rows.map((r) => r.pid);

  it('shares one connection between channels, hands each message to its own channel, and closes with the last', async () => {
    const url = t.ctx.config.databaseUrl;
    const heardOne = inbox<string>();
    const heardTwo = inbox<string>();
    const missed = inbox<string>();
    const a = await listen(
      url,
      one,
      { onMessage: (p) => heardOne.push(p), onMissed: () => missed.push('one') },
      { what: 'test one' },
    );
    const b = await listen(
      url,
      two,
      { onMessage: (p) => heardTwo.push(p), onMissed: () => missed.push('two') },
      { what: 'test two' },
    );
    const backends = await listeners();
    assert.equal(backends.length, 1, 'one connection LISTENs on both channels');

    await announce(t.db, one, 'for one');
    await announce(t.db, two, 'for two');
    assert.equal(await heardOne.next(), 'for one');
    assert.equal(await heardTwo.next(), 'for two');

    // the connection drops: both listeners are told they may have missed something, and hear again after it
    await sql`select pg_terminate_backend(${backends[0]!})`.execute(t.db);
    assert.deepEqual([await missed.next(8000), await missed.next(8000)].sort(), ['one', 'two']);
    await announce(t.db, two, 'again');
    assert.equal(await heardTwo.next(), 'again');

    await a.close();
    await announce(t.db, one, 'nobody');
    await announce(t.db, two, 'still');
    assert.equal(await heardTwo.next(), 'still');
    assert.equal(heardOne.pending, 0, 'a closed listener hears nothing');
    await b.close();
    for (let i = 0; i < 50 && (await listeners()).length > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    assert.deepEqual(await listeners(), [], 'the last close ends the connection');
  });
});
