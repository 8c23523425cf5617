import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiParts } from './ascii-body.ts';

const ascii = (parts: string[]) => parts.every((part) => !/[\u0080-\uffff]/.test(part));
const decodeHtml = (text: string) =>
  text.replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

describe('cached answers as ASCII', () => {
  it('writes HTML text beyond ASCII as character references that decode to the same text', () => {
    const parts = ['<p title="één">Zak € 9,95 — 👍</p><input value="', '">'];
    const out = asciiParts('text/html; charset=utf-8', parts);
    assert.ok(out && ascii(out));
    assert.deepEqual(out.map(decodeHtml), parts);
    assert.equal(out[0], '<p title="&#233;&#233;n">Zak &#8364; 9,95 &#8212; &#128077;</p><input value="');
  });

  it('writes JSON strings beyond ASCII as \\u escapes that parse to the same value', () => {
    const value = { name: 'Zak € — één', emoji: '👍' };
    const out = asciiParts('application/json; charset=utf-8', [JSON.stringify(value)]);
    assert.ok(out && ascii(out));
    assert.deepEqual(JSON.parse(out[0]!), value);
  });

  it('leaves ASCII answers as they are and refuses what it cannot rewrite safely', () => {
    const plain = ['<p>Bag</p>'];
    assert.equal(asciiParts('text/html', plain), plain);
    assert.equal(asciiParts('text/html', ['<style>p::after{content:"€"}</style>']), null);
    assert.equal(asciiParts('text/html', ['<script type="application/ld+json">{"a":"€"}</script>']), null);
    assert.equal(asciiParts('text/plain', ['€']), null);
    assert.equal(asciiParts(undefined, ['€']), null);
  });
});
