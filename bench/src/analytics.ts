/**
 * Benchmark (issue "analytics", item 10): smmkit's in-memory aggregator against DuckDB on the
 * same rollup — 1,000,000 metric samples → per platform × UTC day: posts, Σ of every metric and
 * engagement rate by impressions. Times each engine from raw arrays to result, checks that both
 * give the same numbers (exit 1 otherwise), and prints, last, one summary line. smmkit's time also
 * covers the analysis-loop sections on the same input (issue 19 item 8: competitor benchmark,
 * share of voice, influencers, goals, ROI, audience), which DuckDB's query does not compute.
 *
 * Run from the root: `pnpm bench:analytics`.
 */
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DuckDBInstance } from '@duckdb/node-api';
import { CANONICAL_METRICS, type MetricSample } from '@smmkit/core';
import { type Analytics, createAnalytics, type PostMeta } from '@smmkit/core/analytics';
import {
  computeSections,
  generateSectionInputs,
  type SectionFigures,
  type SectionInputs,
} from './analysis-sections.ts';
import { type BenchRow, compareRollups } from './compare.ts';
import { loadDuckDb, queryDuckDb } from './duckdb-rollup.ts';
import { type GenerateOptions, generateSamples } from './generate-samples.ts';
import { medianBy } from './stats.ts';

const FULL: GenerateOptions = {
  samples: 1_000_000,
  posts: 40_000,
  accounts: 400,
  days: 90,
  seed: 20_260_505,
};
const WARM_UP: GenerateOptions = { samples: 100_000, posts: 4_000, accounts: 400, days: 90, seed: 7 };
const RUNS = 3;
const MB = 1024 * 1024;

// A full collection before each timed run, so no run pays for the previous one's garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timed<T> {
  readonly ms: number;
  readonly phases: Readonly<Record<string, number>>;
  readonly result: T;
}

/** One smmkit run: from the raw arrays to the rollup rows. */
function smmkitRun(
  samples: readonly MetricSample[],
  metas: readonly PostMeta[],
  inputs: SectionInputs,
): Timed<{ rows: BenchRow[]; analytics: Analytics; stale: number; sections: SectionFigures }> {
  const t0 = performance.now();
  const analytics = createAnalytics();
  const report = analytics.ingestSamples(samples, { trusted: true });
  const t1 = performance.now();
  analytics.ingestPostMeta(metas);
  const t2 = performance.now();
  const rollup = analytics.rollup({
    by: ['platform', 'day'],
    timeZone: 'UTC',
    kpis: ['engagementRateByImpressions'],
  });
  const t3 = performance.now();
  const sections = computeSections(analytics, inputs);
  const t4 = performance.now();
  const rows = rollup.map(
    (row): BenchRow => ({
      platform: row.dimensions.platform ?? '',
      day: row.dimensions.day ?? '',
      posts: row.posts,
      metrics: row.metrics,
      engagementRate: row.kpis.engagementRateByImpressions,
    }),
  );
  return {
    ms: t4 - t0,
    phases: { ingestSamples: t1 - t0, ingestPostMeta: t2 - t1, rollup: t3 - t2, sections: t4 - t3 },
    result: { rows, analytics, stale: report.stale, sections },
  };
}

/** DuckDB threads (its default: the machine's cores), read once for the figures. */
let duckDbThreads = '';

/** One DuckDB run on a fresh in-memory database; the timer covers loading and the query, not start-up. */
async function duckDbRun(
  samples: readonly MetricSample[],
  metas: readonly PostMeta[],
): Promise<Timed<BenchRow[]>> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    duckDbThreads ||= String(
      (await connection.runAndReadAll("SELECT current_setting('threads') AS t")).getRowObjectsJS()[0]?.t,
    );
    const t0 = performance.now();
    await loadDuckDb(connection, samples, metas);
    const t1 = performance.now();
    const rows = await queryDuckDb(connection, CANONICAL_METRICS);
    const t2 = performance.now();
    return { ms: t2 - t0, phases: { load: t1 - t0, query: t2 - t1 }, result: rows };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function check(label: string, smmkit: readonly BenchRow[], duckdb: readonly BenchRow[]): void {
  const problems = compareRollups(smmkit, duckdb, CANONICAL_METRICS);
  if (problems.length > 0) {
    console.error(`${label}: smmkit and DuckDB differ in ${problems.length} places; the first ones:`);
    for (const problem of problems.slice(0, 10)) console.error(`  ${problem}`);
    process.exit(1);
  }
  console.log(
    `${label}: ${smmkit.length} (platform, day) rows agree (posts, ${CANONICAL_METRICS.length} metric sums, engagement rate; rel. tol. 1e-9)`,
  );
}

function phasesText(phases: Readonly<Record<string, number>>): string {
  return Object.entries(phases)
    .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
    .join(', ');
}

async function main(): Promise<void> {
  // Warm-up on a smaller input: both engines once, checked too.
  const warm = generateSamples(WARM_UP);
  check(
    `warm-up (${warm.samples.length} samples)`,
    smmkitRun(warm.samples, warm.metas, generateSectionInputs(warm.metas, 11)).result.rows,
    (await duckDbRun(warm.samples, warm.metas)).result,
  );

  let t = performance.now();
  const { samples, metas } = generateSamples(FULL);
  const inputs = generateSectionInputs(metas, FULL.seed);
  console.log(
    `generated ${samples.length} samples, ${metas.length} post metas in ${(performance.now() - t).toFixed(0)} ms (seed ${FULL.seed})`,
  );

  const smmkitRuns: Timed<{ rows: BenchRow[]; stale: number; sections: SectionFigures }>[] = [];
  let analytics: Analytics | undefined;
  let heapUsed = 0;
  for (let run = 0; run < RUNS; run++) {
    analytics = undefined; // only the latest aggregator stays alive
    collectGarbage();
    const timed = smmkitRun(samples, metas, inputs);
    heapUsed = process.memoryUsage().heapUsed;
    analytics = timed.result.analytics;
    const { rows, stale, sections } = timed.result;
    smmkitRuns.push({ ...timed, result: { rows, stale, sections } });
  }
  collectGarbage();
  const retained = process.memoryUsage().heapUsed;
  const stats = analytics?.stats();
  const smmkit = medianBy(smmkitRuns, (run) => run.ms);

  const duckRuns: Timed<BenchRow[]>[] = [];
  for (let run = 0; run < RUNS; run++) {
    collectGarbage();
    duckRuns.push(await duckDbRun(samples, metas));
  }
  const duck = medianBy(duckRuns, (run) => run.ms);

  t = performance.now();
  check(`full (${samples.length} samples)`, smmkit.result.rows, duck.result);
  console.log(`compared in ${(performance.now() - t).toFixed(0)} ms`);

  console.log(
    `data: ${stats?.posts} posts, ${stats?.accounts} accounts, ${stats?.postValues} (post, metric) values kept, ` +
      `${smmkit.result.stale} stale samples (arrived after a newer read), ${smmkit.result.rows.length} rows`,
  );
  const sections = smmkit.result.sections;
  console.log(
    `sections: ${sections.benchmarkRows} benchmark rows (own + ${inputs.snapshots.length} rival snapshots), ` +
      `${sections.brands} brands over ${inputs.listened.length} listened posts, ${sections.influencers} influencers, ` +
      `${sections.goals} goals, ROI over ${inputs.conversions.length} conversions on ${sections.roiPlatforms} platforms, ` +
      `${sections.audienceSplits} audience splits`,
  );
  console.log(
    `smmkit (median of ${RUNS}: ${smmkitRuns.map((r) => r.ms.toFixed(0)).join(' / ')} ms): ${phasesText(smmkit.phases)}`,
  );
  console.log(
    `duckdb (median of ${RUNS}: ${duckRuns.map((r) => r.ms.toFixed(0)).join(' / ')} ms; in-memory, ${duckDbThreads} threads, ` +
      `Appender fed reused 2,048-row DataChunks): ${phasesText(duck.phases)}`,
  );
  console.log(
    `heap: ${(heapUsed / MB).toFixed(0)} MB used right after the last smmkit run, ${(retained / MB).toFixed(0)} MB after a GC (input arrays + aggregator)`,
  );
  console.log(
    `analytics: samples=${samples.length} smmkit_ms=${smmkit.ms.toFixed(0)} duckdb_ms=${duck.ms.toFixed(0)} ` +
      `ratio=${(smmkit.ms / duck.ms).toFixed(2)} heap_mb=${(heapUsed / MB).toFixed(0)}`,
  );
}

await main();
