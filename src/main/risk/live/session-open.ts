/**
 * Start-of-day net liquidation: the first NLV seen on each New York trading date. The daily
 * drawdown check measures against it. (Kept in memory; the journal will persist it.)
 */
import { newYorkDate } from '@shared/domain/time';

export class SessionOpen {
  private date: string | null = null;
  private nlv: number | null = null;

  /** Records the first NLV of a new date; returns the start-of-day NLV (null until known). */
  observe(now: number, nlv: number | null): number | null {
    const today = newYorkDate(now);
    if (today !== this.date) {
      this.date = today;
      this.nlv = null;
    }
    if (this.nlv === null && nlv !== null && nlv > 0) this.nlv = nlv;
    return this.nlv;
  }
}
