import { EventEmitter } from 'node:events';

export type BreakerState = 'closed' | 'open' | 'half-open';
/** What `tryPass` granted: a normal request, the single half-open probe, or nothing. */
export type Pass = 'pass' | 'probe' | 'refuse';

/**
 * A circuit breaker for one endpoint. After `failureThreshold` consecutive failures it opens: calls are
 * refused at once (no hot loop against a dead server). After `cooldownMs` it lets exactly one probe
 * through; the probe's success closes it, its failure opens it for another cooldown.
 * Emits 'open', 'half-open' and 'closed' on every change.
 */
export class CircuitBreaker extends EventEmitter {
  private current: BreakerState = 'closed';
  private failures = 0;
  private probing = false;
  private reopenAt = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly failureThreshold: number,
    readonly cooldownMs: number,
  ) {
    super();
  }

  get state(): BreakerState {
    return this.current;
  }

  /** When the next probe may go out (epoch ms); 0 when closed. */
  get retryAt(): number {
    return this.current === 'closed' ? 0 : this.reopenAt;
  }

  tryPass(): Pass {
    if (this.current === 'closed') return 'pass';
    if (this.current === 'open' || this.probing) return 'refuse';
    this.probing = true;
    return 'probe';
  }

  success(pass: Pass): void {
    if (pass === 'probe') this.probing = false;
    this.failures = 0;
    if (this.current !== 'closed') this.set('closed');
  }

  failure(pass: Pass): void {
    if (pass === 'probe') {
      this.probing = false;
      this.open();
      return;
    }
    // Failures of requests sent before the breaker opened say nothing new.
    if (this.current !== 'closed') return;
    if (++this.failures >= this.failureThreshold) this.open();
  }

  /** The request ended with no verdict on the endpoint's health (e.g. a 4xx): frees the probe slot. */
  neutral(pass: Pass): void {
    if (pass === 'probe') this.probing = false;
  }

  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private open(): void {
    this.reopenAt = Date.now() + this.cooldownMs;
    this.set('open');
    this.timer = setTimeout(() => this.set('half-open'), this.cooldownMs);
    this.timer.unref();
  }

  private set(s: BreakerState): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current = s;
    this.emit(s);
  }
}
