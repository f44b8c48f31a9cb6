/**
 * TWS error and info codes in Bulwark's words: each code maps to a stable Bulwark code, a
 * severity and a sentence a trader understands. Unknown codes keep TWS's own text.
 */

export type IbSeverity = 'info' | 'warning' | 'error';

export interface IbErrorInfo {
  /** Stable Bulwark code, e.g. IB_ORDER_REJECTED. */
  code: string;
  severity: IbSeverity;
  /** Plain words for the trader. */
  words: string;
}

const TABLE: Readonly<Record<number, IbErrorInfo>> = {
  100: {
    code: 'IB_PACING',
    severity: 'error',
    words: 'Too many requests: TWS asked Bulwark to slow down (pacing violation).',
  },
  103: {
    code: 'IB_DUPLICATE_ORDER_ID',
    severity: 'error',
    words: 'TWS refused a duplicate order id.',
  },
  110: {
    code: 'IB_PRICE_INCREMENT',
    severity: 'error',
    words: "The limit price is not on the contract's tick grid.",
  },
  200: { code: 'IB_NO_SECURITY', severity: 'error', words: 'TWS does not know this contract.' },
  201: { code: 'IB_ORDER_REJECTED', severity: 'error', words: 'The order was rejected.' },
  202: { code: 'IB_ORDER_CANCELLED', severity: 'info', words: 'The order was cancelled.' },
  321: {
    code: 'IB_INVALID_REQUEST',
    severity: 'error',
    words: 'TWS refused the request as invalid.',
  },
  354: {
    code: 'IB_NO_MARKET_DATA',
    severity: 'warning',
    words: 'No market data subscription for this contract.',
  },
  399: {
    code: 'IB_ORDER_WARNING',
    severity: 'warning',
    words: 'TWS attached a warning to the order.',
  },
  451: {
    code: 'IB_PRECAUTION',
    severity: 'error',
    words:
      "TWS's precautionary settings stopped the order; confirm it in TWS or change them there.",
  },
  502: {
    code: 'IB_CONNECT_FAILED',
    severity: 'error',
    words: 'Could not reach TWS / IB Gateway: is it running with the API enabled on this port?',
  },
  504: { code: 'IB_NOT_CONNECTED', severity: 'error', words: 'Not linked to TWS.' },
  1100: {
    code: 'IB_LINK_LOST',
    severity: 'error',
    words: 'TWS lost its link to Interactive Brokers: prices are stale.',
  },
  1101: {
    code: 'IB_LINK_RESTORED_DATA_LOST',
    severity: 'warning',
    words: 'TWS link to IB restored; market data is being requested again.',
  },
  1102: { code: 'IB_LINK_RESTORED', severity: 'info', words: 'TWS link to IB restored.' },
  1300: {
    code: 'IB_PORT_CHANGED',
    severity: 'error',
    words: 'TWS changed its socket port: reconnect on the new port.',
  },
  2104: { code: 'IB_FARM_OK', severity: 'info', words: 'Market data farm is up.' },
  2106: { code: 'IB_FARM_OK', severity: 'info', words: 'Historical data farm is up.' },
  2108: {
    code: 'IB_FARM_INACTIVE',
    severity: 'info',
    words: 'A market data farm is inactive but available on demand.',
  },
  2110: {
    code: 'IB_LINK_BROKEN',
    severity: 'error',
    words: 'TWS lost its link to IB servers: prices are stale.',
  },
  2158: { code: 'IB_FARM_OK', severity: 'info', words: 'Security definition farm is up.' },
  10311: {
    code: 'IB_PRECAUTION',
    severity: 'warning',
    words: "TWS's precautionary settings flagged the order.",
  },
  10090: {
    code: 'IB_PARTIAL_MARKET_DATA',
    severity: 'warning',
    words: 'Part of the requested market data is not subscribed.',
  },
  10167: {
    code: 'IB_DELAYED_DATA',
    severity: 'warning',
    words: 'Live data not subscribed: showing delayed data.',
  },
  10168: {
    code: 'IB_NO_DELAYED_DATA',
    severity: 'error',
    words: 'Neither live nor delayed market data is available for this contract.',
  },
};

/** Codes whose TWS message carries the reason (a rejection, a precaution, a cancel's cause). */
const WITH_DETAIL = new Set([110, 201, 202, 321, 399, 451, 10311]);

const READ_ONLY: IbErrorInfo = {
  code: 'IB_READ_ONLY_API',
  severity: 'error',
  words:
    'TWS is in Read-Only API mode: it refuses orders and what-if margin checks. To trade from ' +
    'Bulwark, untick "Read-Only API" in TWS (Global Configuration → API → Settings).',
};

/** Bulwark's view of a TWS code; TWS's message is appended where it carries the detail. */
export function describeIbCode(code: number, twsMessage: string): IbErrorInfo {
  if (/read[- ]only/i.test(twsMessage)) return READ_ONLY;
  const known = TABLE[code];
  if (known) {
    const detail = WITH_DETAIL.has(code) && twsMessage ? ` ${twsMessage}` : '';
    return { ...known, words: `${known.words}${detail}` };
  }
  const severity: IbSeverity = code >= 2100 && code < 2200 ? 'info' : 'error';
  return { code: `IB_${code}`, severity, words: `TWS says: ${twsMessage} (code ${code})` };
}

// ── sentinels ────────────────────────────────────────────────────────────────────────────────

/** TWS's "no value" numbers: they must never reach a price, a Greek or a sum. */
const SENTINELS: ReadonlySet<number> = new Set([
  1.7976931348623157e308,
  2147483647,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
]);

/** A usable number, or null for a sentinel, NaN, ±Infinity or undefined. */
export function ibNumber(v: number | undefined | null): number | null {
  if (v === undefined || v === null || !Number.isFinite(v) || SENTINELS.has(v)) return null;
  return v;
}

/** Option-computation fields use −1 (price-like) and −2 (Greeks) for "not computed". */
export function ibModelValue(v: number | undefined | null, notComputed: -1 | -2): number | null {
  const n = ibNumber(v);
  return n === null || n === notComputed ? null : n;
}
