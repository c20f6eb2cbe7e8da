import { setTimeout as sleep } from 'node:timers/promises';

interface Waiter {
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Per-endpoint pacing: at most `concurrency` requests in flight, at most `rpm` request starts per minute
 * (a token bucket holding one second's worth, so short bursts pass and the long-run rate holds), and
 * an endpoint-wide pause when the server asks for one (429 with Retry-After).
 */
export class EndpointLimiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private tokens: number;
  private refilledAt = Date.now();
  private pausedUntil = 0;
  private readonly capacity: number;
  private readonly perMs: number;

  constructor(
    readonly concurrency: number,
    readonly rpm: number | undefined,
  ) {
    this.capacity = rpm ? Math.max(1, Math.floor(rpm / 60)) : Infinity;
    this.perMs = rpm ? rpm / 60_000 : Infinity;
    this.tokens = this.capacity;
  }

  get inFlight(): number {
    return this.active;
  }

  /** Waits for a slot (and the rate and any pause); the returned function gives the slot back. */
  async acquire(signal: AbortSignal): Promise<() => void> {
    await this.takeSlot(signal);
    try {
      await this.waitPause(signal);
      await this.takeToken(signal);
    } catch (err) {
      this.release();
      throw err;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  /** Holds every request to this endpoint until `untilMs` (epoch ms). */
  pauseUntil(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private takeSlot(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        resolve: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
        reject,
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays the same.
    if (next) next.resolve();
    else this.active--;
  }

  private async waitPause(signal: AbortSignal): Promise<void> {
    for (let wait = this.pausedUntil - Date.now(); wait > 0; wait = this.pausedUntil - Date.now()) {
      await sleep(wait, undefined, { signal });
    }
  }

  /** Reserves a token now (the balance may go negative) and waits until the reservation is covered. */
  private async takeToken(signal: AbortSignal): Promise<void> {
    if (!this.rpm) return;
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.perMs);
    this.refilledAt = now;
    this.tokens -= 1;
    if (this.tokens < 0) await sleep(-this.tokens / this.perMs, undefined, { signal });
  }
}
