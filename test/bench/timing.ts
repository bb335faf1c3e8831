import { performance } from "node:perf_hooks";

export type Timing = { name: string; iterations: number; medianMs: number; p95Ms: number };

export type TimingOptions = {
  /** Runs thrown away first, so caches, JIT and lazily imported modules are warm. */
  warmup?: number;
  iterations?: number;
  /** Stops early once this much time is spent, so the whole bench stays within its time limit. */
  budgetMs?: number;
};

/** Nearest-rank percentile of samples already sorted ascending. */
export function percentile(sortedMs: readonly number[], fraction: number): number {
  if (sortedMs.length === 0) throw new RangeError("No samples");
  const rank = Math.min(sortedMs.length, Math.max(1, Math.ceil(fraction * sortedMs.length)));
  return sortedMs[rank - 1]!;
}

/** Times `run` sequentially: each run is awaited before the next starts. */
export async function time(name: string, run: () => unknown, options: TimingOptions = {}): Promise<Timing> {
  const { warmup = 20, iterations = 200, budgetMs = 15_000 } = options;
  for (let i = 0; i < warmup; i++) await run();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < iterations && (samples.length < 20 || performance.now() - started < budgetMs)) {
    const before = performance.now();
    await run();
    samples.push(performance.now() - before);
  }
  samples.sort((a, b) => a - b);
  return { name, iterations: samples.length, medianMs: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95) };
}
