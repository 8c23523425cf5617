import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpMetrics } from './http-metrics.ts';

describe('HTTP metrics', () => {
  it('counts requests per method, route and status, and sorts their durations into cumulative buckets', () => {
    const metrics = new HttpMetrics();
    metrics.observe('GET', '/p/:slug', 200, 0.0004);
    metrics.observe('GET', '/p/:slug', 200, 0.003);
    metrics.observe('GET', '/p/:slug', 404, 3);
    const text = metrics.exposition();
    const line = (start: string) => text.split('\n').find((l) => l.startsWith(start));
    assert.equal(
      line('toonbank_http_requests_total{method="GET",route="/p/:slug",status="200"}'),
      'toonbank_http_requests_total{method="GET",route="/p/:slug",status="200"} 2',
    );
    assert.match(text, /^toonbank_http_requests_total\{method="GET",route="\/p\/:slug",status="404"\} 1$/m);
    const bucket = (le: string) =>
      line(`toonbank_http_request_duration_seconds_bucket{le="${le}",method="GET",route="/p/:slug"}`)?.split(
        ' ',
      )[1];
    assert.deepEqual(['0.001', '0.0025', '0.005', '2.5', '+Inf'].map(bucket), ['1', '1', '2', '2', '3']);
    assert.match(
      text,
      /^toonbank_http_request_duration_seconds_count\{method="GET",route="\/p\/:slug"\} 3$/m,
    );
    assert.match(
      text,
      /^toonbank_http_request_duration_seconds_sum\{method="GET",route="\/p\/:slug"\} 3\.0034/m,
    );
    assert.match(text, /^# TYPE toonbank_http_request_duration_seconds histogram$/m);
  });

  it('escapes label values', () => {
    const metrics = new HttpMetrics();
    metrics.observe('GET', 'a"b\\c\nd', 200, 0);
    assert.match(metrics.exposition(), /route="a\\"b\\\\c\\nd"/);
  });
});
