import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  type MessageBirdStandIn,
  startMessageBirdStandIn,
} from '../../../test/helpers/messagebird-stand-in.ts';
import { loadConfig } from '../../config.ts';
import { smsChannel } from './sms-channel.ts';
import { SmsError, type SmsProvider } from './sms-provider.ts';

const base = { DATA_DIR: tmpdir(), LOG_LEVEL: 'silent' };

describe('SMS through MessageBird', () => {
  let bird: MessageBirdStandIn;
  let sms: SmsProvider;

  before(async () => {
    bird = await startMessageBirdStandIn();
    const channel = smsChannel(
      loadConfig({
        ...base,
        SMS_PROVIDER: 'messagebird',
        SMS_API_KEY: bird.accessKey,
        SMS_API_URL: bird.apiUrl,
        SMS_SENDER: 'Toonbank',
      }),
    );
    assert.ok(channel);
    sms = channel;
  });
  after(() => bird.close());
  beforeEach(() => {
    bird.messages.length = 0;
    bird.requests.length = 0;
    bird.failWith = null;
    bird.failListWith = null;
  });

  it('is off by default', () => {
    assert.equal(smsChannel(loadConfig(base)), null);
  });

  it('sends to the number in E.164 form, from the configured sender, and answers the provider id', async () => {
    const result = await sms.send({
      id: 'msg-7',
      to: '06 1234 5678',
      text: 'Je pakket komt vandaag. – Toonbank',
    });
    assert.equal(bird.messages.length, 1);
    assert.deepEqual(bird.messages[0], {
      id: result.providerMessageId,
      originator: 'Toonbank',
      recipients: ['31612345678'],
      body: 'Je pakket komt vandaag. – Toonbank',
      reference: 'msg-7',
      createdDatetime: bird.messages[0]?.createdDatetime,
    });
    const request = bird.requests[0];
    assert.equal(request?.headers['content-type'], 'application/json');
    assert.equal(JSON.parse(request?.body ?? '{}').datacoding, 'auto');
  });

  it('refuses a wrong key as permanent, with the provider’s reason', async () => {
    const wrongKey = smsChannel(
      loadConfig({
        ...base,
        SMS_PROVIDER: 'messagebird',
        SMS_API_KEY: 'nope',
        SMS_API_URL: bird.apiUrl,
        SMS_SENDER: 'Toonbank',
      }),
    );
    await assert.rejects(
      wrongKey?.send({ id: 'm', to: '+31612345678', text: 'x' }) ?? Promise.resolve(),
      (err: unknown) => {
        assert.ok(err instanceof SmsError);
        assert.equal(err.status, 401);
        assert.equal(err.permanent, true);
        assert.match(
          err.message,
          /refused the SMS \(401\): Request not allowed \(incorrect access_key\) \(code 2, access_key\)/,
        );
        return true;
      },
    );
  });

  it('does not bother the provider with a number that cannot be one (permanent)', async () => {
    await assert.rejects(
      sms.send({ id: 'm', to: '06-CALL-ME', text: 'x' }),
      (err: unknown) => err instanceof SmsError && err.permanent && /invalid/.test(err.message),
    );
    assert.equal(bird.requests.length, 0);
  });

  it('treats a provider validation error (422) as permanent and says which field', async () => {
    await assert.rejects(
      sms.send({ id: 'm', to: '+31612345678', text: '' }),
      (err: unknown) =>
        err instanceof SmsError && err.permanent && err.status === 422 && /body/.test(err.message),
    );
  });

  it('treats 5xx, 429 and an unreachable provider as worth retrying', async () => {
    for (const status of [500, 503, 429]) {
      bird.failWith = status;
      await assert.rejects(
        sms.send({ id: 'm', to: '+31612345678', text: 'x' }),
        (err: unknown) => err instanceof SmsError && !err.permanent && err.status === status,
      );
    }
    const gone = smsChannel(
      loadConfig({
        ...base,
        SMS_PROVIDER: 'messagebird',
        SMS_API_KEY: 'k',
        SMS_API_URL: 'http://127.0.0.1:1/',
        SMS_SENDER: 'Toonbank',
      }),
    );
    await assert.rejects(
      gone?.send({ id: 'm', to: '+31612345678', text: 'x' }) ?? Promise.resolve(),
      (err: unknown) =>
        err instanceof SmsError && !err.permanent && err.status === null && /unreachable/.test(err.message),
    );
  });

  it('refuses an incomplete or unknown SMS configuration at start', () => {
    assert.throws(
      () => loadConfig({ ...base, SMS_PROVIDER: 'carrier-pigeon' }),
      /SMS_PROVIDER must be 'messagebird'/,
    );
    assert.throws(
      () => loadConfig({ ...base, SMS_PROVIDER: 'messagebird', SMS_SENDER: 'Shop' }),
      /SMS_API_KEY/,
    );
    assert.throws(
      () =>
        loadConfig({
          ...base,
          SMS_PROVIDER: 'messagebird',
          SMS_API_KEY: 'k',
          SMS_SENDER: 'Far too long a name',
        }),
      /SMS_SENDER must be/,
    );
    assert.equal(
      loadConfig({ ...base, SMS_PROVIDER: 'messagebird', SMS_API_KEY: 'k', SMS_SENDER: '+31612345678' }).sms
        ?.apiUrl,
      'https://rest.messagebird.com/',
    );
  });

  it('finds an earlier SMS by our reference in the provider’s message list, paging through it', async () => {
    const since = '2026-11-30T10:00:00.000Z';
    for (let i = 0; i < 120; i++)
      bird.messages.push({
        id: `bird-${i}`,
        originator: 'Toonbank',
        recipients: ['31612345678'],
        body: 'x',
        reference: `msg-${i}`,
        createdDatetime: '2026-11-30T10:05:00.000Z',
      });
    const found = await sms.findByReference({ reference: 'msg-3', to: '06 1234 5678', since });
    assert.deepEqual(found, { found: true, providerMessageId: 'bird-3' });
    const lists = bird.requests.filter((r) => r.method === 'GET');
    assert.equal(lists.length, 3, 'newest first, fifty a page: the oldest is on the third page');
    assert.match(lists[0]!.path, /direction=mt/);
    assert.match(lists[0]!.path, /recipient=31612345678/);
    assert.match(lists[0]!.path, /from=2026-11-30T09%3A50%3A00Z/, 'ten minutes before our attempt');
    assert.deepEqual(await sms.findByReference({ reference: 'msg-999', to: '+31612345678', since }), {
      found: false,
    });
  });

  it('cannot tell when the message list fails, and says why', async () => {
    bird.failListWith = 503;
    await assert.rejects(
      sms.findByReference({ reference: 'm', to: '+31612345678', since: '2026-11-30T10:00:00.000Z' }),
      /could not list messages \(503\)/,
    );
    bird.failListWith = null;
  });
});
