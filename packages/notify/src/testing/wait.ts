// Lets test helpers answer "wait until N things arrived" without polling.

export interface Arrivals {
  /** Call after every arrival. */
  notify(): void;
  /**
   * Resolves with `check()`'s first non-undefined value; rejects after `timeoutMs` with
   * `describeTimeout()` so a failing test says what never arrived.
   */
  until<T>(
    check: () => T | undefined,
    timeoutMs: number,
    describeTimeout: () => string,
  ): Promise<T>;
}

export function createArrivals(): Arrivals {
  const waiters = new Set<() => void>();
  return {
    notify() {
      for (const waiter of [...waiters]) waiter();
    },
    until(check, timeoutMs, describeTimeout) {
      return new Promise((resolve, reject) => {
        const attempt = () => {
          const value = check();
          if (value === undefined) return false;
          done();
          resolve(value);
          return true;
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(describeTimeout()));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(attempt);
        };
        if (!attempt()) waiters.add(attempt);
      });
    },
  };
}

/** Failures armed by `failNext(count, …)`, consumed one per matching request. */
export class FailureQueue<F> {
  private readonly armed: { remaining: number; failure: F; matches: (key: string) => boolean }[] =
    [];

  arm(count: number, failure: F, matches: (key: string) => boolean = () => true): void {
    if (!Number.isInteger(count) || count < 1) throw new Error("failNext: count must be ≥ 1");
    this.armed.push({ remaining: count, failure, matches });
  }

  /** The failure for this request, if one is armed for it. */
  take(key = ""): F | undefined {
    const entry = this.armed.find((candidate) => candidate.matches(key));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.armed.splice(this.armed.indexOf(entry), 1);
    return entry.failure;
  }
}
