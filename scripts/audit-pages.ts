/**
 * `npm run audit:pages` — Lighthouse (mobile preset: a mid-range phone on a throttled 4G link, simulated) on the
 * home page and a product page of a freshly started, seeded shop. Prints the four category scores and the
 * JavaScript each page ships (bytes over the wire), against the goals: every score ≥ 95, JS < 15 KB.
 * Exits 1 when a goal is missed, so it can guard a release; it is not part of `npm test`.
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROMIUM_PATH), started by chrome-launcher with a new profile.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { firstProduct, startShopProcess } from '../bench/shop-process.ts';
import { CHROMIUM_FLAGS } from '../test/helpers/browser.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const MIN_SCORE = 95;
const MAX_JS_BYTES = 15 * 1024;

/** The part of a Lighthouse result this script reads. */
type Result = {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null }>;
  audits: Record<
    string,
    {
      score: number | null;
      title: string;
      details?: { items?: { resourceType?: string; transferSize?: number; requestCount?: number }[] };
    }
  >;
};

type PageAudit = {
  name: string;
  path: string;
  version: string;
  scores: Record<string, number>;
  jsBytes: number;
  failing: string[];
};

/**
 * Lighthouse 12.2 sometimes fails to read Chromium's trace ("RootCauses … frame_sequence"): a category then has
 * no score at all. That says nothing about the page, so such a run is repeated (up to three times).
 */
async function audit(name: string, url: string, port: number): Promise<PageAudit> {
  let lhr: Result | undefined;
  for (let attempt = 1; attempt <= 3; attempt++) {
    process.stderr.write(
      `  auditing ${name} (${url}) …${attempt > 1 ? ` again (attempt ${attempt})` : ''}\n`,
    );
    const run = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
    lhr = run.lhr as unknown as Result;
    if (CATEGORIES.every((c) => typeof lhr?.categories[c]?.score === 'number')) break;
  }
  if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  );
  const script = lhr.audits['resource-summary']?.details?.items?.find((i) => i.resourceType === 'script');
  const failing = Object.entries(lhr.audits)
    .filter(([, a]) => a.score !== null && a.score < 0.9)
    .map(([id, a]) => `${id}: ${a.title} (${Math.round((a.score ?? 0) * 100)})`);
  return {
    name,
    path: new URL(url).pathname,
    version: lhr.lighthouseVersion,
    scores,
    jsBytes: script?.transferSize ?? 0,
    failing,
  };
}

function report(results: PageAudit[]): { text: string; ok: boolean } {
  let ok = true;
  const mark = (good: boolean) => {
    ok &&= good;
    return good ? '' : ' ✗';
  };
  const lines = [
    `| page | ${CATEGORIES.join(' | ')} | JavaScript (transferred) |`,
    `| --- | ${CATEGORIES.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const r of results) {
    const scores = CATEGORIES.map((c) => `${r.scores[c]}${mark((r.scores[c] ?? 0) >= MIN_SCORE)}`);
    const js = `${(r.jsBytes / 1024).toFixed(1)} KB${mark(r.jsBytes < MAX_JS_BYTES)}`;
    lines.push(`| ${r.name} (\`${r.path}\`) | ${scores.join(' | ')} | ${js} |`);
  }
  lines.push('', `Goals: every score ≥ ${MIN_SCORE}, JavaScript < ${MAX_JS_BYTES / 1024} KB per page.`);
  for (const r of results.filter((x) => x.failing.length > 0)) {
    lines.push('', `Audits scoring below 90 on ${r.name}:`, ...r.failing.map((f) => `- ${f}`));
  }
  return { text: lines.join('\n'), ok };
}

async function main(): Promise<number> {
  const shop = await startShopProcess();
  const chrome = await launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: CHROMIUM_FLAGS,
  });
  try {
    const product = await firstProduct(shop.url);
    const results = [
      await audit('home', `${shop.url}/`, chrome.port),
      await audit('product', `${shop.url}/p/${product.slug}`, chrome.port),
    ];
    const { text, ok } = report(results);
    console.log(`\nLighthouse ${results[0]?.version}, mobile preset\n\n${text}\n`);
    return ok ? 0 : 1;
  } finally {
    chrome.kill();
    await shop.stop();
  }
}

process.exitCode = await main();
