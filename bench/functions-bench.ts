/**
 * `npm run bench:functions`: HTX.PLAN_PERCENT over a 100,000-cell range (one column of actuals
 * against one column of plans, as `=HTX.PLAN_PERCENT(E2:E100001;D2:D100001)` passes them).
 * Goal ≤ 50 ms. Not a test: it prints the numbers and never fails on a missed goal.
 * Cells: BENCH_CELLS (default 100,000); repetitions: BENCH_RUNS (default 21, after 3 warm-ups).
 */
import { performance } from "perf_hooks";
import { planPercent } from "../src/functions/functions";

const CELLS = Number(process.env.BENCH_CELLS) || 100000;
const RUNS = Number(process.env.BENCH_RUNS) || 21;
const GOAL_MS = 50;

// Outside Excel: a minimal CustomFunctions runtime, for the #DIV/0! cells.
class BenchError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}
(globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
  Error: BenchError,
  associate: () => undefined,
};

function column(f: (i: number) => unknown): unknown[][] {
  const out: unknown[][] = new Array(CELLS);
  for (let i = 0; i < CELLS; i++) out[i] = [f(i)];
  return out;
}

function measure(label: string, actual: unknown[][], plan: unknown[][]): number {
  let check = 0;
  for (let i = 0; i < 3; i++) check += planPercent(actual, plan).length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const out = planPercent(actual, plan);
    times.push(performance.now() - t0);
    check += out.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (check !== CELLS * (RUNS + 3)) throw new Error("wrong result size");
  console.log(
    `PLAN_PERCENT ${CELLS.toLocaleString("en-US")} cells, ${label}: median ${median.toFixed(1)} ms, ` +
      `min ${times[0].toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms ` +
      `(${RUNS} runs; goal ≤ ${GOAL_MS} ms: ${median <= GOAL_MS ? "met" : "MISSED"})`
  );
  return median;
}

const plans = column((i) => 10 + (i % 90));
measure(
  "numbers",
  column((i) => (i * 7) % 150),
  plans
);
// Staff sheets also hold numbers typed as text: every 10th actual "1.830,51"-style, some blanks.
measure(
  "10% Vietnamese text numbers, 1% blank plans",
  column((i) => (i % 10 === 0 ? `${(i % 9) + 1}.${String(i % 1000).padStart(3, "0")},5` : i % 150)),
  column((i) => (i % 100 === 0 ? null : 10 + (i % 90)))
);
