import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addCategory } from '../test/helpers/catalog-fixtures.ts';
import { startTestApp, type TestApp } from '../test/helpers/test-app.ts';
import { HELP, runCli } from './cli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
}

describe('the toonbank command', () => {
  let t: TestApp;
  let dir: string;
  beforeEach(async () => {
    t = await startTestApp();
    await addCategory(t.ctx, 'bags');
    dir = mkdtempSync(join(tmpdir(), 'toonbank-cli-'));
  });
  afterEach(() => t.close());

  const run = (argv: string[]) => {
    const c = capture();
    return runCli(argv, c.io, { config: t.config, db: t.db, clock: t.clock }).then((code) => ({
      code,
      ...c,
    }));
  };

  it('explains itself with --help', async () => {
    const { code, out } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(out.join(''), HELP);
    assert.match(HELP, /import products FILE/);
  });

  it('imports a product file, reports bad lines, and exits 2 when some rows were skipped', async () => {
    const file = join(dir, 'p.csv');
    writeFileSync(
      file,
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams\nA,a,a,bags,100,21,1,true,10\nB,b,b,bags,x,21,1,true,10\n',
    );
    const { code, out, err } = await run(['import', 'products', file]);
    assert.equal(code, 2);
    assert.match(out.join(''), /Line 3: price_cents “x” is not a whole number/);
    assert.match(out.join(''), /2 rows: 1 new, 0 updated, 1 skipped\./);
    assert.match(err.join(''), /Importing… 1\/1 \(100%\)/);
  });

  it('refuses an unusable file, writes nothing and says why', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'sku,name_nl\nA,b\n');
    const { code, err } = await run(['import', 'products', file]);
    assert.equal(code, 65);
    assert.match(err.join(''), /Nothing imported\. These columns are missing:/);
    assert.equal((await t.db.selectFrom('products').select('id').execute()).length, 0);
  });

  it('exports products to a file in the import format', async () => {
    const src = join(dir, 'p.csv');
    writeFileSync(
      src,
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams\nA,a,a,bags,100,21,1,true,10\n',
    );
    await run(['import', 'products', src]);
    const out = join(dir, 'out.csv');
    assert.equal((await run(['export', 'products', out])).code, 0);
    assert.equal(
      readFileSync(out, 'utf8'),
      'sku,name_nl,name_en,category,price_cents,vat_rate,stock,mailbox_fit,weight_grams,description_nl,description_en\nA,a,a,bags,100,21,1,true,10,,\n',
    );
  });

  it('says clearly when a file cannot be read or a command is unknown', async () => {
    const missing = await run(['import', 'products', join(dir, 'nope.csv')]);
    assert.equal(missing.code, 66);
    assert.match(missing.err.join(''), /Cannot read/);
    const unknown = await run(['frobnicate']);
    assert.equal(unknown.code, 64);
    assert.match(unknown.err.join(''), /Unknown command "frobnicate"/);
  });
});
