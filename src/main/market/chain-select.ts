/**
 * The pure choices behind an option chain view: which of the broker's chains fit, which expiry
 * to show, which strikes around the money, and which contract when a key matches several.
 */
import type { ExerciseStyle, Instrument } from '@shared/domain/instrument';
import type { OptionChain } from '@shared/domain/market';
import { frontQuarterly } from '@shared/domain/futures-calendar';
import { expiryInstant, newYorkDate } from '@shared/domain/time';

/**
 * The chains of the wanted security type; among them those of the expected exercise style
 * when there are any. IBKR answers one chain per trading class (SPX and SPXW; ES, EW, E1A…
 * on the front future): all of them that fit are kept and merged by the functions below.
 */
export function fittingChains(
  chains: readonly OptionChain[],
  secType: OptionChain['secType'],
  exercise?: ExerciseStyle,
): OptionChain[] {
  const typed = chains.filter((c) => c.secType === secType);
  const styled = exercise === undefined ? [] : typed.filter((c) => c.exercise === exercise);
  return styled.length > 0 ? styled : typed;
}

/** Every listed expiry of the chains, ascending, once each. */
export function listedExpirations(chains: readonly OptionChain[]): string[] {
  return [...new Set(chains.flatMap((c) => c.expirations))].sort();
}

/** The strikes listed for one expiry: those of the chains (trading classes) that list it. */
export function strikesFor(chains: readonly OptionChain[], expiry: string): number[] {
  const listing = chains.filter((c) => c.expirations.includes(expiry));
  return [...new Set(listing.flatMap((c) => c.strikes))].sort((a, b) => a - b);
}

/**
 * Expiries still open at `now`. A date counts until 16:00 New York on it: where an AM-settled
 * class stopped at 09:30 (the SPX monthly) the broker no longer lists it, or a PM class beside
 * it (SPXW) still trades that day.
 */
export function openExpirations(expirations: readonly string[], now: number): string[] {
  return expirations.filter((e) => expiryInstant(e, 'PM') > now);
}

export type ExpiryChoice = { ok: true; expiry: string } | { ok: false; reason: string };

/** The requested expiry if it is listed and open, else the nearest open one. */
export function chooseExpiry(
  symbol: string,
  expirations: readonly string[],
  requested: string | undefined,
  now: number,
): ExpiryChoice {
  const open = openExpirations(expirations, now);
  if (requested !== undefined) {
    if (open.includes(requested)) return { ok: true, expiry: requested };
    const why =
      requested < newYorkDate(now) || expirations.includes(requested)
        ? `${symbol} options of ${requested} have expired`
        : `${symbol} has no options expiring ${requested}`;
    const next = open[0];
    return { ok: false, reason: next ? `${why}; the nearest open expiry is ${next}` : why };
  }
  const nearest = open[0];
  if (nearest === undefined) return { ok: false, reason: `${symbol} has no open option expiry` };
  return { ok: true, expiry: nearest };
}

/**
 * The strike nearest the price and up to `around` strikes each side of it (2 × around + 1 when
 * the chain is wide enough). Without a price the window sits on the middle of the list: the
 * rows are real strikes, only centred by guess, and the view says the price is unknown.
 */
export function strikeWindow(
  strikes: readonly number[],
  price: number | null,
  around: number,
): number[] {
  const sorted = [...new Set(strikes)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  let center = Math.floor((sorted.length - 1) / 2);
  if (price !== null) {
    center = 0;
    for (let i = 1; i < sorted.length; i++) {
      if (Math.abs(sorted[i]! - price) < Math.abs(sorted[center]! - price)) center = i;
    }
  }
  return sorted.slice(Math.max(0, center - around), center + around + 1);
}

/**
 * The contract for a key among what a lookup found. SPX on IBKR lists two trading classes on a
 * third Friday under the same Bulwark key: the AM-settled SPX monthly and the PM-settled SPXW.
 * The PM one is preferred: it trades through the expiry day like every other SPXW date of the
 * chain, so one view never mixes settlement styles or shows a line that has stopped trading.
 */
export function pickContract(found: readonly Instrument[], key: string): Instrument | null {
  const matching = found.filter((i) => i.key === key);
  return matching.find((i) => (i.settlement ?? 'PM') === 'PM') ?? matching[0] ?? null;
}

/** Strikes ordered from farthest to nearest the price: holds keep the last ones longest. */
export function farthestFirst(strikes: readonly number[], price: number | null): number[] {
  if (price === null) return [...strikes];
  return [...strikes].sort((a, b) => Math.abs(b - price) - Math.abs(a - price));
}

/**
 * The future a chain of futures options is shown on: the front quarterly when listed (the
 * one index options are quoted against), else the nearest future that has not expired.
 */
export function frontFuture(found: readonly Instrument[], now: number): Instrument | null {
  const live = found
    .filter((i) => i.secType === 'FUT' && i.expiry !== undefined)
    .filter((i) => expiryInstant(i.expiry!, 'PM') > now)
    .sort((a, b) => a.expiry!.localeCompare(b.expiry!));
  const front = frontQuarterly(now);
  return live.find((i) => i.expiry === front) ?? live[0] ?? null;
}
