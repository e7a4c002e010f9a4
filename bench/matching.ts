/**
 * Matching benchmark: `npx tsx bench/matching.ts` (or `npm run bench:matching`).
 *
 * For pools of 100, 1,000, 3,000 and 10,000 generated requests (bench/matching-pool-generator.ts, fixed
 * seeds) it measures the production sweep (`matchPool`: sparsified candidate graph + blossom),
 * a greedy pass over the full compatibility graph, and — where computable — the exact optimum:
 * the blossom on the full, unsparsified graph. Each measurement runs in its own child process, so
 * peak RSS belongs to that measurement alone. On 10,000 the full graph has millions of edges and
 * the exact solve takes minutes, so it is run only with `--exact-10000`; small sub-pools of the
 * 10,000 pool are checked against exhaustive search instead.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCHING_CONFIG } from '../src/domain/matching/config.ts';
import { matchPool } from '../src/domain/matching/solve-pool.ts';
import { generatePool } from './matching-pool-generator.ts';
import { checkSubPools } from './matching-sub-pools.ts';

/** 3,000 is the largest pool whose unsparsified exact solve stays under a minute. */
const SIZES = [100, 1_000, 3_000, 10_000];
const RUNS: Record<number, number> = { 100: 15, 1000: 9, 3000: 7, 10000: 7 };
const SEED = 20260302;

type Mode = 'sweep' | 'greedy-full' | 'exact-full';

interface Measurement {
  size: number;
  mode: Mode;
  runs: number;
  medianMs: number;
  peakRssMb: number;
  heapMb: number;
  pairs: number;
  unmatched: number;
  totalScore: number;
  edges: number;
}

const MODE_OPTIONS = {
  sweep: {},
  'greedy-full': { solver: 'greedy', candidatesPerRequest: Number.POSITIVE_INFINITY },
  'exact-full': { candidatesPerRequest: Number.POSITIVE_INFINITY },
} as const;

function measure(size: number, mode: Mode, runs: number): Measurement {
  const pool = generatePool(size, SEED + size);
  const times: number[] = [];
  let heapMb = 0;
  let result: ReturnType<typeof matchPool> | undefined;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = matchPool(pool.requests, pool.context, DEFAULT_MATCHING_CONFIG, pool.now, MODE_OPTIONS[mode]);
    times.push(performance.now() - start);
    heapMb = Math.max(heapMb, process.memoryUsage().heapUsed / 2 ** 20);
  }
  times.sort((a, b) => a - b);
  const summary = result!.summary;
  return {
    size,
    mode,
    runs,
    medianMs: times[Math.floor(times.length / 2)]!,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb,
    pairs: summary.pairs,
    unmatched: result!.unmatched.length,
    totalScore: summary.totalScore,
    edges: summary.candidatePairs,
  };
}

function inChild(size: number, mode: Mode, runs: number): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', String(size), mode, String(runs)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as Measurement));
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${mode} on ${size} exited with ${code}`));
    });
  });
}

const pad = (value: string | number, width: number) => String(value).padStart(width);
const fixed = (value: number, digits = 1) => value.toFixed(digits);

async function main(): Promise<void> {
  const exactAt = new Set([100, 1_000, 3_000, ...(process.argv.includes('--exact-10000') ? [10_000] : [])]);
  const rows: Measurement[] = [];
  console.log(
    `Mockingbird matching benchmark — seed ${SEED}, Node ${process.version}, ${DEFAULT_MATCHING_CONFIG.candidatesPerRequest} candidates per request, scores at ${DEFAULT_MATCHING_CONFIG.scoreResolution}-point resolution\n`,
  );
  console.log(
    `${pad('requests', 8)} ${'solver'.padEnd(22)} ${pad('median ms', 10)} ${pad('runs', 4)} ${pad('peak RSS MB', 11)} ${pad('heap MB', 7)} ${pad('edges', 9)} ${pad('pairs', 6)} ${pad('left', 5)} ${pad('total score', 12)} ${pad('vs exact', 8)}`,
  );
  for (const size of SIZES) {
    const sizeRows = [await inChild(size, 'sweep', RUNS[size]!), await inChild(size, 'greedy-full', 1)];
    if (exactAt.has(size)) sizeRows.push(await inChild(size, 'exact-full', 1));
    const exact = sizeRows.find((row) => row.mode === 'exact-full');
    for (const row of sizeRows) {
      const label = {
        sweep: 'blossom, sparsified',
        'greedy-full': 'greedy, full graph',
        'exact-full': 'exact, full graph',
      }[row.mode];
      const ratio = exact ? `${fixed((100 * row.totalScore) / exact.totalScore, 3)}%` : '—';
      console.log(
        `${pad(size, 8)} ${label.padEnd(22)} ${pad(fixed(row.medianMs), 10)} ${pad(row.runs, 4)} ${pad(fixed(row.peakRssMb), 11)} ${pad(fixed(row.heapMb), 7)} ${pad(row.edges, 9)} ${pad(row.pairs, 6)} ${pad(row.unmatched, 5)} ${pad(fixed(row.totalScore, 2), 12)} ${pad(ratio, 8)}`,
      );
    }
    rows.push(...sizeRows);
  }

  const subPools = checkSubPools(generatePool(10_000, SEED + 10_000), 200, 12, SEED);
  console.log(
    `\nsub-pools of the 10,000 pool vs exhaustive search: ${subPools.count} pools of ${subPools.size} nearby requests, ` +
      `same pair count in ${subPools.sameCardinality}/${subPools.count}, lowest score ratio ${fixed(100 * subPools.lowestRatio, 3)}%, mean ${fixed(100 * subPools.meanRatio, 3)}%`,
  );

  const at = (size: number, mode: Mode) => rows.find((row) => row.size === size && row.mode === mode);
  const big = at(10_000, 'sweep')!;
  const ratios = SIZES.flatMap((size) => {
    const exact = at(size, 'exact-full');
    return exact ? [at(size, 'sweep')!.totalScore / exact.totalScore] : [];
  });
  const lowestRatio = Math.min(...ratios, subPools.lowestRatio);
  const fewerThanGreedy = SIZES.filter((size) => at(size, 'sweep')!.pairs < at(size, 'greedy-full')!.pairs);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log('');
  console.log(
    `${verdict(big.medianMs < 2000)}  10,000 requests matched in under 2 s: median ${fixed(big.medianMs)} ms`,
  );
  console.log(
    `${verdict(big.peakRssMb < 500)}  10,000 requests under 500 MB: peak RSS ${fixed(big.peakRssMb)} MB`,
  );
  console.log(
    `${verdict(lowestRatio >= 0.99)}  total score ≥ 99% of the exact optimum where computable: lowest ${fixed(100 * lowestRatio, 3)}%`,
  );
  console.log(
    `${verdict(fewerThanGreedy.length === 0 && subPools.fewerThanGreedy === 0)}  never fewer pairs than greedy: ` +
      SIZES.map((size) => `${at(size, 'sweep')!.pairs} vs ${at(size, 'greedy-full')!.pairs}`).join(', ') +
      `; sub-pools ${subPools.count - subPools.fewerThanGreedy}/${subPools.count}`,
  );
}

if (process.argv[2] === '--child') {
  const [, , , size, mode, runs] = process.argv;
  process.send!(measure(Number(size), mode as Mode, Number(runs)));
} else {
  await main();
}
