/** Upper bounds (seconds) of the request duration histogram's buckets. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

type Durations = { labels: string; buckets: number[]; sum: number; count: number };
type Series = { labels: string; count: number; durations: Durations };

/**
 * Requests answered, by method, route and status, and their duration, in Prometheus' text format. Counting costs a
 * map lookup and a few additions per request (a labelled prom-client counter and histogram cost ten times that,
 * hashing their labels on every call); the text is made only when /metrics is read.
 */
export class HttpMetrics {
  private readonly series = new Map<string, Series>();
  private readonly durations = new Map<string, Durations>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const key = `${method} ${status} ${route}`;
    let series = this.series.get(key);
    if (!series) {
      series = {
        labels: `method="${labelValue(method)}",route="${labelValue(route)}",status="${status}"`,
        count: 0,
        durations: this.durationsOf(method, route),
      };
      this.series.set(key, series);
    }
    series.count++;
    const durations = series.durations;
    let bucket = 0;
    while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]!) bucket++;
    durations.buckets[bucket]!++;
    durations.sum += seconds;
    durations.count++;
  }

  /** The two metrics in Prometheus' text exposition format (version 0.0.4). */
  exposition(): string {
    const lines = [
      '# HELP toonbank_http_requests_total HTTP requests answered, by method, route and status',
      '# TYPE toonbank_http_requests_total counter',
    ];
    for (const s of this.series.values()) lines.push(`toonbank_http_requests_total{${s.labels}} ${s.count}`);
    const name = 'toonbank_http_request_duration_seconds';
    lines.push(`# HELP ${name} Time to answer an HTTP request`, `# TYPE ${name} histogram`);
    for (const d of this.durations.values()) {
      let cumulative = 0;
      BUCKETS.forEach((le, i) => {
        cumulative += d.buckets[i]!;
        lines.push(`${name}_bucket{le="${le}",${d.labels}} ${cumulative}`);
      });
      lines.push(`${name}_bucket{le="+Inf",${d.labels}} ${d.count}`);
      lines.push(`${name}_sum{${d.labels}} ${d.sum}`, `${name}_count{${d.labels}} ${d.count}`);
    }
    return `${lines.join('\n')}\n`;
  }

  private durationsOf(method: string, route: string): Durations {
    const key = `${method} ${route}`;
    let durations = this.durations.get(key);
    if (!durations) {
      durations = {
        labels: `method="${labelValue(method)}",route="${labelValue(route)}"`,
        buckets: new Array(BUCKETS.length + 1).fill(0),
        sum: 0,
        count: 0,
      };
      this.durations.set(key, durations);
    }
    return durations;
  }
}

/** A label value as the text format wants it: backslash, double quote and line feed escaped. */
function labelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}
