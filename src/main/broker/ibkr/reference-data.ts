/**
 * One-shot reference requests to TWS: contract details, daily bars (for betas and historical
 * vol) and option-chain parameters. Each request has its own id, collects until TWS says it is
 * done, and fails in plain words on an error for that id or after a deadline.
 */
import {
  BarSizeSetting,
  EventName,
  WhatToShow,
  type Contract,
  type ContractDetails,
  type IBApi,
} from '@stoqey/ib';
import {
  instrumentKey,
  parseInstrumentKey,
  type Instrument,
  type InstrumentKeyParts,
} from '@shared/domain/instrument';
import type { DailyBar, OptionChain } from '@shared/domain/market';
import type { Timers } from '@shared/util/timers';
import {
  EQUITY_OPTION_MULTIPLIER,
  EUROPEAN_OPTION_ROOTS,
  FUTURES_EXCHANGES,
} from '@shared/domain/contract-specs';
import {
  contractOf,
  fromIbDate,
  INDEX_SYMBOLS,
  instrumentOf,
  UnsupportedContract,
} from './contracts';

/** From the call, not the send: a request may wait its turn in the 40-a-second pacing queue. */
const DEADLINE_MS = 30_000;

type Listener = (...args: never[]) => void;

/** Listens to `events` for one request id until `finish` is called; cleans up after itself. */
function request<T>(
  api: IBApi,
  timers: Timers,
  reqId: number,
  what: string,
  setup: (on: (event: EventName, fn: Listener) => void, finish: (value: T) => void) => void,
  noneCodes: readonly number[] = [],
  none?: T,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const offs: Array<() => void> = [];
    // The typed overloads cannot take a variable event name; the listeners are typed at the call.
    const emitter = api as unknown as {
      on(e: string, fn: Listener): void;
      off(e: string, fn: Listener): void;
    };
    const on = (event: EventName, fn: Listener) => {
      emitter.on(event, fn);
      offs.push(() => emitter.off(event, fn));
    };
    const timer = timers.setTimeout(
      () =>
        end(() => reject(new Error(`${what}: no answer from TWS within ${DEADLINE_MS / 1000} s`))),
      DEADLINE_MS,
    );
    timer.unref?.();
    const end = (settle: () => void) => {
      timers.clearTimeout(timer);
      for (const off of offs) off();
      settle();
    };
    on(EventName.error, (err: Error, code: number, id: number) => {
      if (id !== reqId) return;
      if (noneCodes.includes(code) && none !== undefined) end(() => resolve(none));
      else end(() => reject(new Error(`${what}: ${err.message} (code ${code})`)));
    });
    setup(on, (value) => end(() => resolve(value)));
  });
}

export function contractDetails(
  api: IBApi,
  timers: Timers,
  reqId: number,
  contract: Contract,
): Promise<Instrument[]> {
  const found: Instrument[] = [];
  return request<Instrument[]>(
    api,
    timers,
    reqId,
    `contract lookup for ${contract.symbol ?? '?'}`,
    (on, finish) => {
      on(EventName.contractDetails, (id: number, d: ContractDetails) => {
        if (id !== reqId) return;
        try {
          found.push(instrumentOf(d.contract));
        } catch (e) {
          if (!(e instanceof UnsupportedContract)) throw e;
        }
      });
      on(EventName.contractDetailsEnd, (id: number) => id === reqId && finish(found));
      api.reqContractDetails(reqId, contract);
    },
    [200],
    found,
  );
}

/**
 * The instrument to ask TWS about, from key parts: indexes on CBOE, futures and their options
 * on their exchange (CME…), everything else SMART. Multiplier and description are placeholders.
 */
export function requestInstrument(parts: InstrumentKeyParts): Instrument {
  const futures = parts.secType === 'FUT' || parts.secType === 'FOP';
  return {
    key: instrumentKey(parts),
    symbol: parts.symbol,
    secType: parts.secType,
    currency: 'USD',
    multiplier: 1,
    exchange:
      parts.secType === 'IND'
        ? 'CBOE'
        : futures
          ? (FUTURES_EXCHANGES[parts.symbol] ?? 'CME')
          : 'SMART',
    description: parts.symbol,
    ...(parts.expiry ? { expiry: parts.expiry } : {}),
    ...(parts.strike !== undefined ? { strike: parts.strike } : {}),
    ...(parts.right ? { right: parts.right } : {}),
  };
}

/** The instrument behind a symbol or one of Bulwark's keys (`AAPL`, `IND:SPX`, `FUT:ES:…`). */
export function instrumentForHistory(symbolOrKey: string): Instrument {
  return requestInstrument(
    parseInstrumentKey(symbolOrKey) ?? {
      symbol: symbolOrKey,
      secType: INDEX_SYMBOLS.has(symbolOrKey) ? 'IND' : 'STK',
    },
  );
}

export function dailyBars(
  api: IBApi,
  timers: Timers,
  reqId: number,
  symbolOrKey: string,
  days: number,
): Promise<DailyBar[]> {
  const inst = instrumentForHistory(symbolOrKey);
  const contract = contractOf(inst);
  // `days` counts trading days; IB's durations count calendar days (or years).
  const calendarDays = Math.ceil((days * 7) / 5) + 10;
  const duration = calendarDays <= 365 ? `${calendarDays} D` : `${Math.ceil(calendarDays / 365)} Y`;
  const bars: DailyBar[] = [];
  return request<DailyBar[]>(api, timers, reqId, `daily bars for ${symbolOrKey}`, (on, finish) => {
    on(
      EventName.historicalData,
      (
        id: number,
        time: string,
        open: number,
        high: number,
        low: number,
        close: number,
        volume: number,
      ) => {
        if (id !== reqId) return;
        if (time.startsWith('finished')) return finish(bars.slice(-days));
        const date = fromIbDate(time);
        if (date) bars.push({ date, open, high, low, close, volume: Math.max(0, volume) });
      },
    );
    const what = inst.secType === 'IND' ? WhatToShow.TRADES : WhatToShow.ADJUSTED_LAST;
    api.reqHistoricalData(
      reqId,
      contract,
      '',
      duration,
      BarSizeSetting.DAYS_ONE,
      what,
      1,
      1,
      false,
    );
  });
}

export function optionChains(
  api: IBApi,
  timers: Timers,
  reqId: number,
  underlying: Instrument,
): Promise<OptionChain[]> {
  const isFuture = underlying.secType === 'FUT';
  const chains = new Map<string, OptionChain>();
  return request<OptionChain[]>(
    api,
    timers,
    reqId,
    `option chain for ${underlying.symbol}`,
    (on, finish) => {
      on(
        EventName.securityDefinitionOptionParameter,
        (
          id: number,
          _exchange: string,
          _conId: number,
          tradingClass: string,
          multiplier: string,
          expirations: string[],
          strikes: number[],
        ) => {
          if (id !== reqId) return;
          const prev = chains.get(tradingClass);
          const exps = expirations
            .map((e) => fromIbDate(e))
            .filter((e): e is string => e !== undefined);
          chains.set(tradingClass, {
            underlying: underlying.key,
            secType: isFuture ? 'FOP' : 'OPT',
            multiplier:
              Number(multiplier) || (isFuture ? underlying.multiplier : EQUITY_OPTION_MULTIPLIER),
            exercise:
              !isFuture && EUROPEAN_OPTION_ROOTS.has(underlying.symbol) ? 'european' : 'american',
            expirations: [...new Set([...(prev?.expirations ?? []), ...exps])].sort(),
            strikes: [...new Set([...(prev?.strikes ?? []), ...strikes])].sort((a, b) => a - b),
          });
        },
      );
      on(
        EventName.securityDefinitionOptionParameterEnd,
        (id: number) => id === reqId && finish([...chains.values()]),
      );
      api.reqSecDefOptParams(
        reqId,
        underlying.symbol,
        isFuture ? underlying.exchange : '',
        underlying.secType,
        underlying.conId ?? 0,
      );
    },
  );
}
