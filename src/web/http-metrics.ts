/** Upper bounds (seconds) of the request duration histogram's buckets. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** One method on one route: its duration histogram, and its request count per status. */
type Series = {
  labels: string;
  buckets: number[];
  sum: number;
  count: number;
  statuses: Map<number, { labels: string; count: number }>;
};

/**
 * Requests answered, by method, route and status, and their duration, in Prometheus' text format. Counting costs
 * three map lookups by values the caller already has (no label key is built) and a few additions per request
 * (a labelled prom-client counter and histogram cost ten times that, hashing their labels on every call); the
 * text is made only when /metrics is read.
 */
export class HttpMetrics {
  /** route → method → series */
  private readonly routes = new Map<string, Map<string, Series>>();

  observe(method: string, route: string, status: number, seconds: number): void {
    let methods = this.routes.get(route);
    if (!methods) {
      methods = new Map();
      this.routes.set(route, methods);
    }
    let series = methods.get(method);
    if (!series) {
      series = {
        labels: `method="${labelValue(method)}",route="${labelValue(route)}"`,
        buckets: new Array(BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
        statuses: new Map(),
      };
      methods.set(method, series);
    }
    let answered = series.statuses.get(status);
    if (!answered) {
      answered = { labels: `${series.labels},status="${status}"`, count: 0 };
      series.statuses.set(status, answered);
    }
    answered.count++;
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
    series.buckets[bucket]!++;
    series.sum += seconds;
    series.count++;
  }

  /** The two metrics in Prometheus' text exposition format (version 0.0.4). */
  exposition(): string {
    const all = [...this.routes.values()].flatMap((methods) => [...methods.values()]);
    const lines = [
      '# HELP toonbank_http_requests_total HTTP requests answered, by method, route and status',
      '# TYPE toonbank_http_requests_total counter',
    ];
    for (const series of all)
      for (const s of series.statuses.values())
        lines.push(`toonbank_http_requests_total{${s.labels}} ${s.count}`);
    const name = 'toonbank_http_request_duration_seconds';
    lines.push(`# HELP ${name} Time to answer an HTTP request`, `# TYPE ${name} histogram`);
    for (const s of all) {
      let cumulative = 0;
      BUCKETS.forEach((le, i) => {
        cumulative += s.buckets[i]!;
        lines.push(`${name}_bucket{le="${le}",${s.labels}} ${cumulative}`);
      });
      lines.push(`${name}_bucket{le="+Inf",${s.labels}} ${s.count}`);
      lines.push(`${name}_sum{${s.labels}} ${s.sum}`, `${name}_count{${s.labels}} ${s.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

/** A label value as the text format wants it: backslash, double quote and line feed escaped. */
function labelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}
