import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const tmp = () => mkdtempSync(join(tmpdir(), 'toonbank-config-'));

describe('the configuration', () => {
  it('has working defaults for the embedded install', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, `sqlite:${join(dir, 'toonbank.db')}`);
    assert.equal(config.publicUrl, 'http://localhost:3000');
    assert.equal(config.shopTimezone, 'Europe/Amsterdam');
    assert.equal(config.defaultLocale, 'nl');
  });

  it('generates a session secret once and keeps it', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir }).sessionSecret;
    assert.ok(first.length >= 64);
    assert.ok(existsSync(join(dir, 'secret')));
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, first);
    assert.equal(readFileSync(join(dir, 'secret'), 'utf8').trim(), first);
  });

  it('refuses to start in production without a secret, saying what to do', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }),
      (err: Error) => {
        return err instanceof ConfigError && /SESSION_SECRET is not set/.test(err.message);
      },
    );
  });

  for (const [name, env, pattern] of [
    ['a bad port', { PORT: '70000' }, /PORT/],
    ['an unknown database', { DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    ['an unknown time zone', { SHOP_TIMEZONE: 'Mars/Olympus' }, /SHOP_TIMEZONE/],
    ['an unsupported language', { DEFAULT_LOCALE: 'fr' }, /DEFAULT_LOCALE/],
    ['a short secret', { SESSION_SECRET: 'short' }, /at least 32/],
  ] as const) {
    it(`refuses ${name} with a clear message`, () => {
      assert.throws(
        () => loadConfig({ DATA_DIR: tmp(), ...env }),
        (err: Error) => err instanceof ConfigError && pattern.test(err.message),
      );
    });
  }
});
