/**
 * Matching benchmark: `npx tsx bench/matching.ts` (or `npm run bench:matching`).
 *
 * For pools of 100, 1,000, 3,000, 10,000 and 100,000 generated requests
 * (bench/matching-pool-generator.ts, fixed seeds) it measures the production sweep (`matchPool`:
 * sparsified candidate graph; the exact blossom on components up to 5,000 requests, the local
 * search above), a greedy pass over the full compatibility graph, and — where computable — the
 * exact optimum: the blossom on the full, unsparsified graph. The local search is also run on the
 * small pools (forced) against that optimum, and at 10,000 against the blossom on the same
 * sparsified graph. Each measurement runs in its own child process, so peak RSS belongs to that
 * measurement alone. Timings are medians of at least 3 runs; reference rows (greedy, exact) run
 * once. On 10,000 the exact full solve takes minutes (`--exact-10000`); at 100,000 the full graph
 * does not fit, so greedy runs on a denser candidate graph (25 per request) and the exact
 * blossom on the sweep's own graph only with `--exact-100000` (about a minute).
 */
import { execSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_MATCHING_CONFIG } from '../src/domain/matching/config.ts';
import { matchPool } from '../src/domain/matching/solve-pool.ts';
import { generatePool } from './matching-pool-generator.ts';
import { checkSubPools } from './matching-sub-pools.ts';

/** 3,000 is the largest pool whose unsparsified exact solve stays under a minute. */
const SIZES = [100, 1_000, 3_000, 10_000, 100_000];
const RUNS: Record<number, number> = { 100: 15, 1000: 7, 3000: 5, 10000: 5, 100000: 3 };
const SEED = 20260302;

type Mode = 'sweep' | 'greedy-full' | 'greedy-dense' | 'exact-full' | 'local-search' | 'exact-sparse';

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
  pairsVisited: number;
}

const MODE_OPTIONS = {
  sweep: {},
  'greedy-full': { solver: 'greedy', candidatesPerRequest: Number.POSITIVE_INFINITY },
  'greedy-dense': { solver: 'greedy', candidatesPerRequest: 25 },
  'exact-full': { candidatesPerRequest: Number.POSITIVE_INFINITY, exactUpTo: Number.POSITIVE_INFINITY },
  'local-search': { exactUpTo: 0 },
  'exact-sparse': { exactUpTo: Number.POSITIVE_INFINITY },
} as const;

const LABELS: Record<Mode, string> = {
  sweep: 'sweep (production)',
  'greedy-full': 'greedy, full graph',
  'greedy-dense': 'greedy, 25/request',
  'exact-full': 'exact, full graph',
  'local-search': 'local search, forced',
  'exact-sparse': 'exact, sweep graph',
};

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
    pairsVisited: summary.pairsVisited,
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

const load = () => execSync('uptime').toString().trim();

async function main(): Promise<void> {
  const exactAt = new Set([100, 1_000, 3_000, ...(process.argv.includes('--exact-10000') ? [10_000] : [])]);
  const sparseExactAt = new Set([10_000, ...(process.argv.includes('--exact-100000') ? [100_000] : [])]);
  const rows: Measurement[] = [];
  console.log(
    `Mockingbird matching benchmark — seed ${SEED}, Node ${process.version}, ${DEFAULT_MATCHING_CONFIG.candidatesPerRequest} candidates per request, scores at ${DEFAULT_MATCHING_CONFIG.scoreResolution}-point resolution`,
  );
  console.log(`load at start: ${load()}\n`);
  console.log(
    `${pad('requests', 8)} ${'solver'.padEnd(22)} ${pad('median ms', 10)} ${pad('runs', 4)} ${pad('peak RSS MB', 11)} ${pad('heap MB', 7)} ${pad('edges', 9)} ${pad('pairs', 6)} ${pad('left', 5)} ${pad('total score', 12)} ${pad('vs exact', 8)}`,
  );
  for (const size of SIZES) {
    const sizeRows = [await inChild(size, 'sweep', RUNS[size]!)];
    sizeRows.push(await inChild(size, size > 10_000 ? 'greedy-dense' : 'greedy-full', 1));
    if (size === 1_000 || size === 3_000) sizeRows.push(await inChild(size, 'local-search', 3));
    if (exactAt.has(size)) sizeRows.push(await inChild(size, 'exact-full', 1));
    if (sparseExactAt.has(size)) sizeRows.push(await inChild(size, 'exact-sparse', 1));
    const exact = sizeRows.find((row) => row.mode === 'exact-full');
    const sparseExact = sizeRows.find((row) => row.mode === 'exact-sparse');
    for (const row of sizeRows) {
      // The sweep is compared with the full optimum where known, else with the exact blossom on
      // its own graph (marked *): that isolates the solver's loss from the sparsification's.
      const reference = row.mode === 'exact-sparse' ? exact : (exact ?? sparseExact);
      const ratio = reference
        ? `${fixed((100 * row.totalScore) / reference.totalScore, 3)}%${reference === sparseExact ? '*' : ''}`
        : '—';
      console.log(
        `${pad(size, 8)} ${LABELS[row.mode].padEnd(22)} ${pad(fixed(row.medianMs), 10)} ${pad(row.runs, 4)} ${pad(fixed(row.peakRssMb), 11)} ${pad(fixed(row.heapMb), 7)} ${pad(row.edges, 9)} ${pad(row.pairs, 6)} ${pad(row.unmatched, 5)} ${pad(fixed(row.totalScore, 2), 12)} ${pad(ratio, 8)}`,
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
  const ten = at(10_000, 'sweep')!;
  const hundred = at(100_000, 'sweep')!;
  const ratios = rows.flatMap((row) => {
    if (row.mode !== 'sweep' && row.mode !== 'local-search') return [];
    const reference = at(row.size, 'exact-full') ?? at(row.size, 'exact-sparse');
    return reference ? [row.totalScore / reference.totalScore] : [];
  });
  const lowestRatio = Math.min(...ratios, subPools.lowestRatio);
  const baseline = (size: number) => (at(size, 'greedy-full') ?? at(size, 'greedy-dense'))!;
  const fewerThanGreedy = SIZES.filter((size) => at(size, 'sweep')!.pairs < baseline(size).pairs);
  // Work per request of the candidate search, 10,000 → 100,000: growth exponent of the total.
  const growth = Math.log10(hundred.pairsVisited / ten.pairsVisited);
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log('');
  console.log(
    `${verdict(hundred.medianMs < 10_000)}  100,000 requests matched in under 10 s: median ${fixed(hundred.medianMs)} ms (${hundred.runs} runs)`,
  );
  console.log(
    `${verdict(hundred.peakRssMb < 1024)}  100,000 requests under 1 GB: peak RSS ${fixed(hundred.peakRssMb)} MB`,
  );
  console.log(
    `${verdict(growth < 1.15)}  candidate graph near-linear: candidates looked at grow as n^${fixed(growth, 2)} from 10,000 to 100,000 (${fixed(ten.pairsVisited / ten.size)} → ${fixed(hundred.pairsVisited / hundred.size)} per request)`,
  );
  console.log(
    `${verdict(ten.medianMs < 2000)}  10,000 requests matched in under 2 s: median ${fixed(ten.medianMs)} ms; 100,000 / 10,000 time ratio ${fixed(hundred.medianMs / ten.medianMs)}`,
  );
  console.log(
    `${verdict(ten.peakRssMb < 500)}  10,000 requests under 500 MB: peak RSS ${fixed(ten.peakRssMb)} MB`,
  );
  console.log(
    `${verdict(lowestRatio >= 0.99)}  total score ≥ 99% of the exact optimum where computable (sweep and forced local search; * = same graph): lowest ${fixed(100 * lowestRatio, 3)}%`,
  );
  console.log(
    `${verdict(fewerThanGreedy.length === 0 && subPools.fewerThanGreedy === 0)}  never fewer pairs than greedy: ` +
      SIZES.map((size) => `${at(size, 'sweep')!.pairs} vs ${baseline(size).pairs}`).join(', ') +
      `; sub-pools ${subPools.count - subPools.fewerThanGreedy}/${subPools.count}`,
  );
  console.log(`\nload at end: ${load()}`);
}

if (process.argv[2] === '--child') {
  const [, , , size, mode, runs] = process.argv;
  process.send!(measure(Number(size), mode as Mode, Number(runs)));
} else {
  await main();
}
