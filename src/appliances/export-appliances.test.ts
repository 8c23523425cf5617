import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { addProducts, FIXTURE_CSV, FIXTURE_SKUS } from '../../test/helpers/appliance-fixtures.ts';
import { startTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { exportAppliances } from './export-appliances.ts';
import { importAppliances } from './import-appliances.ts';

describe('exporting appliances', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
    await addProducts(t.ctx, FIXTURE_SKUS);
  });
  afterEach(() => t.close());

  it('writes the import format: header, one line per appliance or variant, lists joined with |', async () => {
    await importAppliances(t.ctx, FIXTURE_CSV);
    const lines = (await exportAppliances(t.ctx)).trimEnd().split('\n');
    assert.equal(lines[0], 'brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes');
    assert.equal(lines.length, 10);
    assert.ok(
      lines.includes(
        'Philips,FC8520/09,PowerPro Compact,vacuum,8710103000001|882852009000,,,,BAG-1|FLT-1|OUT-1,',
      ),
    );
    assert.deepEqual(
      lines.filter((l) => l.startsWith('Siemens')),
      [
        'Siemens,TE651209RW,EQ.6 plus s100,coffee,,,,,CLN-1,Descale every six weeks',
        'Siemens,TE651209RW,EQ.6 plus s100,coffee,,FD 9103-9208,9103,9208,CLN-2,"Older brewing unit, ""type A"""',
        'Siemens,TE651209RW,EQ.6 plus s100,coffee,,FD 9209-,9209,,CLN-3,',
      ],
    );
  });

  it('round-trips: importing an export changes nothing and exports the same file', async () => {
    await importAppliances(t.ctx, FIXTURE_CSV);
    const first = await exportAppliances(t.ctx);
    const again = await importAppliances(t.ctx, first);
    assert.ok(again.ok);
    assert.deepEqual(again.problems, []);
    assert.equal(again.created, 0);
    assert.equal(await exportAppliances(t.ctx), first);
  });

  it('exports an empty registry as the header alone', async () => {
    assert.equal(
      await exportAppliances(t.ctx),
      'brand,model,name,category,aliases,variant,serial_from,serial_to,fits,notes\n',
    );
  });
});
