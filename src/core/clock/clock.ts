/**
 * The engine's idea of "now". In production it is the system clock; `CLOCK_START` (an ISO date or time)
 * starts it at another moment and lets it run from there, so that a demo or a test can live on any day
 * while time still passes.
 */
export class Clock {
  private readonly offsetMs: number;

  constructor(start?: Date) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today's date, `YYYY-MM-DD` (UTC). */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** The current year (UTC). */
  year(): number {
    return this.now().getUTCFullYear();
  }
}
