import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSerials, pickVariant, rangeProblem } from './serial-range.ts';

const v = (label: string, serialFrom: string | null, serialTo: string | null) => ({
  label,
  serialFrom,
  serialTo,
});

describe('serial ranges', () => {
  it('compares digit-only serials as numbers, ignoring leading zeros', () => {
    assert.ok(compareSerials('999', '1000') < 0);
    assert.equal(compareSerials('00123', '123'), 0);
    assert.ok(compareSerials('20 45', '2044') > 0);
  });

  it('compares other serials by normalised text', () => {
    assert.equal(compareSerials('ab-12', 'AB12'), 0);
    assert.ok(compareSerials('FD9103', 'FD9201') < 0);
    assert.ok(compareSerials('B100', 'A999') > 0);
  });

  it('reports a range whose start lies after its end', () => {
    assert.equal(rangeProblem({ serialFrom: '2000', serialTo: '1999' }), 'reversed');
    assert.equal(rangeProblem({ serialFrom: 'FD9201', serialTo: 'FD9103' }), 'reversed');
  });

  it('reports a range with one numeric and one textual bound', () => {
    assert.equal(rangeProblem({ serialFrom: '1000', serialTo: 'FD9103' }), 'mixed');
  });

  it('accepts open, equal and ordered ranges', () => {
    assert.equal(rangeProblem({ serialFrom: '', serialTo: '1999' }), null);
    assert.equal(rangeProblem({ serialFrom: '1000', serialTo: null }), null);
    assert.equal(rangeProblem({ serialFrom: '1000', serialTo: '1000' }), null);
    assert.equal(rangeProblem({ serialFrom: '999', serialTo: '1000' }), null);
  });

  it('picks the variant whose inclusive range holds the serial', () => {
    const variants = [v('early', '1000', '1999'), v('late', '2000', '2999')];
    assert.equal(pickVariant(variants, '1000')?.label, 'early');
    assert.equal(pickVariant(variants, '1999')?.label, 'early');
    assert.equal(pickVariant(variants, '2000')?.label, 'late');
    assert.equal(pickVariant(variants, '3000'), null);
    assert.equal(pickVariant(variants, '999'), null);
  });

  it('reads "FD 8950" as series 8950 when the series are numbered', () => {
    const variants = [v('FD 8808–8911', '8808', '8911'), v('vanaf FD 8912', '8912', null)];
    assert.equal(pickVariant(variants, 'FD 8850')?.label, 'FD 8808–8911');
    assert.equal(pickVariant(variants, 'fd8950')?.label, 'vanaf FD 8912');
    assert.equal(pickVariant(variants, 'FD 8700'), null);
  });

  it('keeps lettered serials as text when the series bounds are lettered too', () => {
    const variants = [v('A', 'AB100', 'AB199'), v('B', 'AB200', 'AB299')];
    assert.equal(pickVariant(variants, 'ab 150')?.label, 'A');
  });

  it('picks by numeric order, not text order', () => {
    const variants = [v('small', '1', '999'), v('big', '1000', '99999')];
    assert.equal(pickVariant(variants, '10000')?.label, 'big');
  });

  it('treats an empty start as open', () => {
    assert.equal(pickVariant([v('first', '', '1999')], '5')?.label, 'first');
  });

  it('picks the closest series start not after the serial when only starts are known', () => {
    const variants = [v('a', '1000', null), v('c', '3000', null), v('b', '2000', null)];
    assert.equal(pickVariant(variants, '2500')?.label, 'b');
    assert.equal(pickVariant(variants, '3000')?.label, 'c');
    assert.equal(pickVariant(variants, '99999')?.label, 'c');
    assert.equal(pickVariant(variants, '999'), null);
  });

  it('prefers a closed range that holds the serial over an open series start', () => {
    const variants = [v('open', '1000', null), v('closed', '1500', '1600')];
    assert.equal(pickVariant(variants, '1550')?.label, 'closed');
    assert.equal(pickVariant(variants, '1700')?.label, 'open');
  });

  it('picks the narrower range when ranges overlap', () => {
    const variants = [v('wide', '1000', '9999'), v('narrow', '5000', '5999')];
    assert.equal(pickVariant(variants, '5500')?.label, 'narrow');
  });

  it('ignores separators and case in the serial', () => {
    const variants = [v('x', 'FD9103', 'FD9199')];
    assert.equal(pickVariant(variants, 'fd 91-50')?.label, 'x');
  });

  it('picks nothing for an empty serial or variants without ranges', () => {
    assert.equal(pickVariant([v('x', '1', '9')], '  '), null);
    assert.equal(pickVariant([v('x', null, null)], '5'), null);
  });
});
