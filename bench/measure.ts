// Timing helpers for the benchmarks. Benchmarks are not tests: nothing here asserts.
import { performance } from "node:perf_hooks";

export interface Timing {
  label: string;
  iterations: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export interface MeasureOptions {
  /** Calls made first and not counted (pages in memory, connections open, code warm). */
  warmup?: number;
  iterations?: number;
  /**
   * Time budget of one measurement: a slow call stops after this many seconds (warm-up
   * included), but is still timed at least `minIterations` times.
   */
  budgetSeconds?: number;
  minIterations?: number;
}

/** The p-th percentile (0..100) of sorted values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Calls `fn` `warmup` times, then `iterations` times one after another, timing each call;
 * within the time budget, which only ever cuts a slow measurement short.
 */
export async function measure(
  label: string,
  fn: () => Promise<unknown>,
  {
    warmup = 20,
    iterations = 200,
    budgetSeconds = Number.POSITIVE_INFINITY,
    minIterations = 20,
  }: MeasureOptions = {},
): Promise<Timing> {
  const deadline = performance.now() + budgetSeconds * 1000;
  const warmupDeadline = performance.now() + (budgetSeconds * 1000) / 5;
  for (let i = 0; i < warmup && (i < 3 || performance.now() < warmupDeadline); i++) await fn();
  const samples: number[] = [];
  while (
    samples.length < iterations &&
    (samples.length < minIterations || performance.now() < deadline)
  ) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    label,
    iterations: samples.length,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    minMs: samples[0]!,
    maxMs: samples[samples.length - 1]!,
  };
}

/** Times one call of `fn` (for operations that change data and cannot be repeated). */
export async function measureOnce<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

export const count = (value: number) => value.toLocaleString("en-US");

/** A progress line on stderr with the seconds since `since`. */
export function progress(since: number, message: string): void {
  const seconds = ((performance.now() - since) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[inbox ${seconds} s] ${message}\n`);
}
