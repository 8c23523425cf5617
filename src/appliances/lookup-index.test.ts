import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type BrandWords, type IndexedAppliance, LookupIndex } from './lookup-index.ts';

const brands: BrandWords = [
  { brand: 'Philips', words: ['philips'] },
  { brand: 'Bosch', words: ['bosch'] },
  { brand: "De'Longhi", words: ['delonghi', 'de longhi'] },
  { brand: 'Krups', words: ['krups'] },
  { brand: 'Electrolux', words: ['electrolux'] },
];

const item = (
  id: string,
  brand: string,
  model: string,
  aliases: string[] = [],
  orderCount = 0,
): IndexedAppliance => ({
  id,
  brand,
  model,
  aliases,
  orderCount,
});

const catalogue = [
  item('fc09', 'Philips', 'FC8520/09', ['8710103852009', '882985200910'], 5),
  item('fc01', 'Philips', 'FC8520/01', [], 9),
  item('fc02', 'Philips', 'FC8520/02', [], 1),
  item('hd60', 'Philips', 'HD7865/60'),
  item('bgl', 'Bosch', 'BGL3A330/01', ['4242002123451']),
  item('fc-bosch', 'Bosch', 'FC8520/77'),
  item('ecam', "De'Longhi", 'ECAM22.110.B'),
  item('ea', 'Krups', 'EA8108'),
  item('pd', 'Electrolux', 'PD91-4IG', ['900 258 123']),
];
const index = LookupIndex.build(catalogue, brands);
const ids = (query: string, limit?: number) => index.search(query, { limit }).hits.map((h) => h.id);

describe('LookupIndex', () => {
  it('finds FC8520/09 when typed as fc 8520-09', () => {
    assert.deepEqual(index.search('fc 8520-09').hits[0], {
      id: 'fc09',
      match: 'exact',
      cost: 0,
      matched: 'FC8520/09',
    });
  });

  it('ignores case, spaces, dots, dashes and slashes', () => {
    for (const q of ['ecam 22 110 b', 'ECAM-22/110_B', 'Ecam22.110.b']) assert.equal(ids(q)[0], 'ecam');
  });

  it('lists every variant for the prefix FC8520', () => {
    assert.deepEqual(ids('FC8520').sort(), ['fc-bosch', 'fc01', 'fc02', 'fc09']);
    assert.ok(index.search('FC8520').hits.every((h) => h.match === 'prefix'));
  });

  it('lists nothing for a prefix shorter than three characters', () => {
    assert.deepEqual(ids('F'), []);
    assert.deepEqual(ids('FC'), []);
  });

  it('forgives one substitution, insertion, deletion or transposition', () => {
    for (const q of ['FC8521/09', 'FC85200/09', 'FC852/09', 'FC8250/09']) {
      const hit = index.search(q).hits[0];
      assert.equal(hit?.id, 'fc09', q);
      assert.equal(hit?.match, 'fuzzy');
      assert.equal(hit?.cost, 1);
    }
  });

  it('forgives two edits in a number of seven or more characters', () => {
    assert.equal(ids('FC8251/09')[0], 'fc09');
    assert.equal(ids('BGL3A303/10')[0], 'bgl');
  });

  it('forgives only one edit in a number of six characters or fewer', () => {
    assert.equal(ids('EA8180')[0], 'ea');
    assert.deepEqual(ids('AE8180'), []);
  });

  it('charges half an edit for a plate misreading and ranks it before a real typo', () => {
    const [first, second] = index.search('FC852O09').hits;
    assert.deepEqual([first?.id, first?.cost], ['fc09', 0.5]);
    assert.ok((second?.cost ?? 0) > 0.5);
    assert.equal(index.search('BGL3A33O/OI').hits[0]?.cost, 1.5);
  });

  it('recognises a brand word before or after the model and narrows to that brand', () => {
    assert.deepEqual(index.search('philips FC8520'), {
      brand: 'Philips',
      hits: index.search('FC8520').hits.filter((h) => h.id !== 'fc-bosch'),
    });
    assert.deepEqual(ids('FC8520 BOSCH'), ['fc-bosch']);
    assert.equal(index.search('FC8520 BOSCH').brand, 'Bosch');
  });

  it('recognises a brand of two words and one with an apostrophe', () => {
    assert.equal(index.search('de longhi ecam22110b').brand, "De'Longhi");
    assert.equal(index.search("De'Longhi ECAM22.110.B").hits[0]?.id, 'ecam');
  });

  it('returns the brand and no hits when only a brand is typed', () => {
    assert.deepEqual(index.search('  Philips '), { brand: 'Philips', hits: [] });
  });

  it('finds an appliance by EAN, by 12NC and by a PNC typed with spaces', () => {
    assert.deepEqual(index.search('8710103852009').hits[0], {
      id: 'fc09',
      match: 'alias',
      cost: 0,
      matched: '8710103852009',
    });
    assert.equal(ids('8829 8520 0910')[0], 'fc09');
    assert.equal(ids('900258123')[0], 'pd');
  });

  it('finds an appliance by the start of an alias', () => {
    assert.equal(ids('42420021')[0], 'bgl');
  });

  it('finds the longest model a long query starts with, down to half the query and at least five characters', () => {
    // Keys sorting between the query's shortest start and the query itself, starts or not, are
    // exactly the range the contained-key scan searches in.
    const starts = LookupIndex.build(
      [
        item('s5', 'Bosch', 'ABCDE'),
        item('s6', 'Bosch', 'ABCDEF'),
        item('n7', 'Bosch', 'ABCDEF1'),
        item('s8', 'Bosch', 'ABCDEFGH'),
        item('n9', 'Bosch', 'ABCDEFGH0'),
        item('n11', 'Bosch', 'ABCDEFGHIJ0'),
      ],
      brands,
    );
    const contained = (query: string) =>
      starts
        .search(query)
        .hits.filter((h) => h.match === 'prefix')
        .map((h) => h.id);
    assert.deepEqual(contained('ABCDEFGHIJ12'), ['s8']);
    assert.deepEqual(contained('ABCDEFXYZ123'), ['s6']);
    // Half of twelve is six: the five-character model is too short a start to count.
    assert.deepEqual(contained('ABCDEXYZ1234'), []);
    // Half of ten is five, so there it counts.
    assert.deepEqual(contained('ABCDEXYZ12'), ['s5']);
  });

  it('finds the model when a production code follows it', () => {
    assert.equal(ids('BGL3A330/01 FD 9103')[0], 'bgl');
  });

  it('ranks exact before prefix before fuzzy', () => {
    const idx = LookupIndex.build(
      [
        item('fuzzy', 'Philips', 'HD7866', [], 99),
        item('prefix', 'Philips', 'HD78650', [], 50),
        item('exact', 'Philips', 'HD7865'),
      ],
      brands,
    );
    assert.deepEqual(
      idx.search('HD7865').hits.map((h) => [h.id, h.match]),
      [
        ['exact', 'exact'],
        ['prefix', 'prefix'],
        ['fuzzy', 'fuzzy'],
      ],
    );
  });

  it('ranks cheaper typos first, then (equally plausible) more ordered, then shorter and alphabetical models', () => {
    const idx = LookupIndex.build(
      [
        item('b', 'Philips', 'HD7865/62', [], 1),
        item('a', 'Philips', 'HD7865/61', [], 1),
        item('short', 'Philips', 'HD786564', [], 1),
        item('popular', 'Philips', 'HD7865/63', [], 7),
        item('misread', 'Philips', 'HD7865/6O', [], 0),
      ],
      brands,
    );
    assert.deepEqual(
      idx.search('HD7865/60').hits.map((h) => h.id),
      ['misread', 'popular', 'short', 'a', 'b'],
    );
  });

  it('ranks a swap of two neighbours before a wrong key, however often the other was ordered', () => {
    const idx = LookupIndex.build(
      [item('wrong', 'Krups', 'EA1245', [], 99), item('swap', 'Krups', 'EA1234')],
      brands,
    );
    assert.deepEqual(
      idx.search('EA1243').hits.map((h) => [h.id, h.cost]),
      [
        ['swap', 1],
        ['wrong', 1],
      ],
    );
  });

  it('ranks the model with a doubled character first when one of it is missing', () => {
    const idx = LookupIndex.build(
      [item('single', 'Krups', 'EA3527', [], 99), item('double', 'Krups', 'EA3327')],
      brands,
    );
    assert.deepEqual(
      idx.search('EA327').hits.map((h) => h.id),
      ['double', 'single'],
    );
  });

  it('ranks a wrong digit among digits before a letter typed for a digit', () => {
    const idx = LookupIndex.build(
      [item('letter', 'Philips', 'HD7A65', [], 99), item('digit', 'Philips', 'HD7965')],
      brands,
    );
    assert.deepEqual(
      idx.search('HD7865').hits.map((h) => h.id),
      ['digit', 'letter'],
    );
  });

  it('forgives a swap around a dropped character in a long number as two edits', () => {
    const idx = LookupIndex.build([item('meant', 'Philips', 'VS39S1827K8/UU')], brands);
    assert.deepEqual(
      idx.search('3V9S1827K8UU').hits.map((h) => [h.id, h.cost]),
      [['meant', 2]],
    );
  });

  it('lists each appliance once even when its model and alias both match', () => {
    const idx = LookupIndex.build([item('x', 'Philips', 'HD7865/60', ['HD786560X'])], brands);
    assert.deepEqual(
      idx.search('HD7865').hits.map((h) => h.id),
      ['x'],
    );
  });

  it('returns ten hits by default and honours a limit', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      item(`m${i}`, 'Philips', `XD1234/${String(i).padStart(2, '0')}`),
    );
    const idx = LookupIndex.build(many, brands);
    assert.equal(idx.search('XD1234').hits.length, 10);
    assert.equal(idx.search('XD1234', { limit: 3 }).hits.length, 3);
  });

  it('finds an upserted appliance without a rebuild and forgets its old model', () => {
    const idx = LookupIndex.build(catalogue, brands);
    idx.upsert(item('new', 'Philips', 'XC8147/01'));
    idx.upsert(item('hd60', 'Philips', 'HD7866/60'));
    assert.equal(idx.search('XC8147/01').hits[0]?.id, 'new');
    assert.equal(idx.search('XC8147/10').hits[0]?.id, 'new');
    assert.equal(idx.search('HD7866/60').hits[0]?.match, 'exact');
    assert.notEqual(idx.search('HD7865/60').hits[0]?.match, 'exact');
    assert.equal(idx.size, catalogue.length + 1);
  });

  it('keeps finding upserts after the delta is merged into the base', () => {
    const idx = LookupIndex.build([], brands);
    for (let i = 0; i < 5000; i++)
      idx.upsert(item(`u${i}`, 'Philips', `SCF${String(i).padStart(4, '0')}/10`));
    assert.equal(idx.size, 5000);
    assert.equal(idx.search('SCF4999/10').hits[0]?.id, 'u4999');
    assert.equal(idx.search('SCF0001/10').hits[0]?.id, 'u1');
  });

  it('forgets a removed appliance', () => {
    const idx = LookupIndex.build(catalogue, brands);
    idx.remove('ea');
    assert.deepEqual(
      idx.search('EA8108').hits.map((h) => h.id),
      [],
    );
    assert.equal(idx.size, catalogue.length - 1);
  });

  it('re-ranks after an order count changes', () => {
    const idx = LookupIndex.build(catalogue, brands);
    idx.setOrderCount('fc02', 100);
    assert.equal(idx.search('philips FC8520').hits[0]?.id, 'fc02');
  });
  it('searches two edits only when nothing starts with the query and nothing is one edit away', () => {
    const twoAway = item('two', 'Philips', 'HD786511');
    const alone = LookupIndex.build([twoAway], brands);
    assert.deepEqual(
      alone.search('HD786560').hits.map((h) => [h.id, h.match, h.cost]),
      [['two', 'fuzzy', 2]],
    );
    const withPrefix = LookupIndex.build([twoAway, item('longer', 'Philips', 'HD7865601X')], brands);
    assert.deepEqual(
      withPrefix.search('HD786560').hits.map((h) => [h.id, h.match]),
      [['longer', 'prefix']],
    );
  });

  it('still searches two edits when the query merely starts with a short model', () => {
    const idx = LookupIndex.build(
      [item('short', "De'Longhi", 'EN380'), item('meant', "De'Longhi", 'EN83.073.BK')],
      brands,
    );
    assert.deepEqual(
      idx.search('EN380773BK').hits.map((h) => [h.id, h.match, h.cost]),
      [
        ['short', 'prefix', 0],
        ['meant', 'fuzzy', 2],
      ],
    );
  });

  it('searches two edits for a long number when one edit leaves fewer than five hits', () => {
    // DC001EN5DETECT: DC01GEN5DETECT with two typos, and one edit from another model.
    const idx = LookupIndex.build(
      [item('near', 'Philips', 'DC00GEN5DETECT'), item('meant', 'Philips', 'DC01GEN5DETECT')],
      brands,
    );
    assert.deepEqual(
      idx.search('DC001EN5DETECT').hits.map((h) => [h.id, h.match, h.cost]),
      [
        ['near', 'fuzzy', 1],
        ['meant', 'fuzzy', 2],
      ],
    );
    // With a brand word, and when the typed number has its separators.
    assert.equal(idx.search('philips DC-001 EN5 DETECT').hits[1]?.id, 'meant');
  });

  it('does not search two edits for a long number with five hits within one edit', () => {
    const near = ['DC00GEN5DETECT', 'DC002EN5DETECT', 'DC011EN5DETECT', 'DC001EN6DETECT', 'DC001EN5DETECK'];
    const idx = LookupIndex.build(
      [
        ...near.map((model, i) => item(`near${i}`, 'Philips', model)),
        item('meant', 'Philips', 'DC01GEN5DETECT'),
      ],
      brands,
    );
    const hits = idx.search('DC001EN5DETECT').hits;
    assert.equal(hits.length, 5);
    assert.ok(hits.every((h) => h.match === 'fuzzy' && h.cost === 1));
  });

  it('searches two edits for a shorter number only when nothing is one edit away', () => {
    // AERO668PC (9 characters): AERO6896PC with two typos, AERO6368PC one edit away.
    const idx = LookupIndex.build(
      [item('near', 'Philips', 'AERO6368PC'), item('meant', 'Philips', 'AERO6896PC')],
      brands,
    );
    assert.deepEqual(
      idx.search('AERO668PC').hits.map((h) => h.id),
      ['near'],
    );
  });

  it('breaks full ties by model text, then id, in code-unit order', () => {
    const idx = LookupIndex.build(
      [
        item('z', 'Philips', 'HD7865/62'),
        item('y', 'Philips', 'HD7865/61'),
        item('x', 'Philips', 'HD7865/61'),
      ],
      brands,
    );
    assert.deepEqual(
      idx.search('HD7865').hits.map((h) => h.id),
      ['x', 'y', 'z'],
    );
  });
});
