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
    // Forget the crashes that are out of the window (the oldest come first).
    const inWindow = this.crashes.findIndex((crash) => crash > time - this.windowMs);
    this.crashes.splice(0, inWindow === -1 ? this.crashes.length : inWindow);
    return this.crashes.length > this.limit ? 'give-up' : 'restart';
  }

  /** A manual restart starts the count afresh. */
  reset(): void {
    this.crashes.length = 0;
  }
}
