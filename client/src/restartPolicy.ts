/** Bounded restarts: the server is restarted after a crash, unless it crashed `limit` times within `windowMs`. */
export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    private readonly limit = 4,
    private readonly windowMs = 3 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Called when the server's connection closes unexpectedly: restart it, or give up (and say so once). */
  onCrash(): 'restart' | 'give-up' {
    const time = this.now();
    this.crashes.push(time);
    while (this.crashes.length && this.crashes[0]! <= time - this.windowMs) this.crashes.shift();
    return this.crashes.length > this.limit ? 'give-up' : 'restart';
  }

  /** A manual restart starts the count afresh. */
  reset(): void {
    this.crashes.length = 0;
  }
}
