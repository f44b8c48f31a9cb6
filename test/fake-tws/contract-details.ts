/**
 * Contract look-ups against the simulator's instruments: reqContractDetails (contractData per
 * match, then contractDataEnd; none → error 200) and reqSecDefOptParams (one option-parameter
 * line per exchange and trading class, then the end marker). contractData carries
 * lastTradeDate only from server version 182 and the ineligibility list only from 186.
 */
import type { Instrument } from '@shared/domain/instrument';
import type { OptionChain } from '@shared/domain/market';
import type { BridgeContext } from './bridge-kit';
import { NO_SECURITY, expectVersion, sendError } from './bridge-kit';
import { wireContract, type IbContract } from './contracts';
import {
  ibContractOf,
  ibDate,
  readContract,
  tradingClassOf,
  underlyingConId,
  underlyingParts,
} from './contracts';
import type { TwsSession } from './server';
import type { Field } from './wire';

const LAST_TRADE_DATE = 182;
const INELIGIBILITY_REASONS = 186;
const ORDER_TYPES =
  'ACTIVETIM,AD,ALERT,ALLOC,AVGCOST,COND,DAY,GAT,GTC,GTD,LMT,MKT,NONALGO,OCA,STP,STPLMT,TRAIL,WHATIF';

const LONG_NAMES: Readonly<Record<string, string>> = {
  SPX: 'S&P 500 Stock Index',
  SPY: 'SPDR S&P 500 ETF TRUST',
  QQQ: 'INVESCO QQQ TRUST SERIES 1',
  IWM: 'ISHARES RUSSELL 2000 ETF',
  AAPL: 'APPLE INC',
  TSLA: 'TESLA INC',
  NVDA: 'NVIDIA CORP',
  ES: 'E-mini S&P 500',
  MES: 'Micro E-Mini S&P 500 Stock Price Index',
  VIX: 'CBOE Volatility Index',
  VIX3M: 'CBOE 3-Month Volatility Index',
};

export function registerContractDetails(ctx: BridgeContext): void {
  const { tws, sim } = ctx;

  // reqContractDetails `9|8|reqId|contract…|includeExpired|secIdType|secId|issuerId`
  tws.on('9', (s, m) => {
    expectVersion(m, 8);
    const reqId = m.int('reqId');
    const contract = readContract(m);
    m.bool('includeExpired');
    const secIdType = m.str('secIdType');
    m.str('secId');
    m.str('issuerId');
    m.end();
    if (secIdType !== '') return sendError(s, reqId, 200, NO_SECURITY);
    ctx.contracts.resolve(contract).then(
      (found) => {
        if (found.length === 0) return sendError(s, reqId, 200, NO_SECURITY);
        for (const inst of found) sendContractData(ctx, s, reqId, inst);
        s.send([52, 1, reqId]);
      },
      (e: unknown) => ctx.fail('9', e),
    );
  });

  // reqSecDefOptParams `78|reqId|underlyingSymbol|futFopExchange|underlyingSecType|underlyingConId`
  tws.on('78', (s, m) => {
    const reqId = m.int('reqId');
    const symbol = m.str('underlyingSymbol').toUpperCase();
    const futFopExchange = m.str('futFopExchange');
    const secType = m.str('underlyingSecType');
    const conId = m.int('underlyingConId');
    m.end();
    Promise.all([
      sim.optionChain(symbol),
      ctx.contracts.resolve(wireContract({ symbol, secType })),
    ]).then(
      ([chains, underlyings]) => {
        const under = underlyings[0];
        if (under && (conId === 0 || ibContractOf(under).conId === conId)) {
          for (const chain of chains) {
            for (const line of parameterLines(chain, under, futFopExchange)) {
              s.send([75, reqId, ...line]);
            }
          }
        }
        s.send([76, reqId]);
      },
      (e: unknown) => ctx.fail('78', e),
    );
  });
}

/** `exchange|underConId|tradingClass|multiplier|nExp|exp…|nStrikes|strike…` per exchange × class. */
function parameterLines(chain: OptionChain, under: Instrument, futFopExchange: string): Field[][] {
  const home = chain.secType === 'FOP' ? 'CME' : under.symbol === 'SPX' ? 'CBOE' : 'SMART';
  const exchanges = chain.secType === 'FOP' ? [home] : [...new Set(['SMART', home])];
  const byClass = new Map<string, string[]>();
  for (const expiry of chain.expirations) {
    const cls = tradingClassOf({
      ...under,
      secType: chain.secType,
      expiry,
      strike: 1,
      right: 'C',
    });
    byClass.set(cls, [...(byClass.get(cls) ?? []), ibDate(expiry)]);
  }
  const out: Field[][] = [];
  for (const exchange of exchanges) {
    if (futFopExchange !== '' && futFopExchange !== exchange) continue;
    for (const [cls, expirations] of byClass) {
      out.push([
        exchange,
        ibContractOf(under).conId,
        cls,
        chain.multiplier,
        expirations.length,
        ...expirations,
        chain.strikes.length,
        ...chain.strikes,
      ]);
    }
  }
  return out;
}

/** Regular hours for the next week, TWS style: `20261120:0930-20261120:1600;20261121:CLOSED;…`. */
function sessionHours(c: IbContract, now: number, liquid: boolean): string {
  const out: string[] = [];
  for (let d = 0; d < 7; d++) {
    const day = new Date(now + d * 86_400_000);
    const ymd = day.toISOString().slice(0, 10).replaceAll('-', '');
    const wd = day.getUTCDay();
    if (wd === 0 || wd === 6) {
      out.push(`${ymd}:CLOSED`);
    } else if (c.timeZoneId === 'US/Central' && !liquid) {
      const prev = new Date(now + (d - 1) * 86_400_000)
        .toISOString()
        .slice(0, 10)
        .replaceAll('-', '');
      out.push(`${prev}:1700-${ymd}:1600`);
    } else {
      const [open, close] = c.timeZoneId === 'US/Central' ? ['0830', '1500'] : ['0930', '1600'];
      out.push(`${ymd}:${open}-${ymd}:${close}`);
    }
  }
  return out.join(';');
}

/** contractData `10|reqId|…` with every field the decoder reads at the session's version. */
function sendContractData(
  ctx: BridgeContext,
  s: TwsSession,
  reqId: number,
  inst: Instrument,
): void {
  const c = ctx.contracts.remember(inst);
  const under = underlyingParts(inst);
  const derivative = c.lastTradeDateOrContractMonth !== '';
  const stockType =
    inst.secType === 'STK' ? (['SPY', 'QQQ', 'IWM'].includes(inst.symbol) ? 'ETF' : 'COMMON') : '';
  const now = ctx.tws.now();
  const fields: Field[] = [10, reqId, c.symbol, c.secType, c.lastTradeDateOrContractMonth];
  if (s.version >= LAST_TRADE_DATE) fields.push(c.lastTradeDateOrContractMonth);
  fields.push(
    c.strike,
    c.right,
    c.exchange,
    c.currency,
    c.localSymbol,
    c.tradingClass, // marketName
    c.tradingClass,
    c.conId,
    c.minTick,
    c.multiplier,
    ORDER_TYPES,
    c.exchange === 'SMART' ? `SMART,${c.primaryExch || 'CBOE'}` : c.exchange,
    1, // priceMagnifier
    underlyingConId(inst),
    LONG_NAMES[inst.symbol] ?? inst.description,
    c.primaryExch,
    derivative ? c.lastTradeDateOrContractMonth.slice(0, 6) : '', // contractMonth
    '', // industry
    '', // category
    '', // subcategory
    c.timeZoneId,
    sessionHours(c, now, false),
    sessionHours(c, now, true),
    '', // evRule
    '', // evMultiplier
    0, // secIdList count
    1, // aggGroup
    under.symbol,
    under.secType,
    '26', // marketRuleIds
    c.lastTradeDateOrContractMonth, // realExpirationDate
    stockType,
    1, // minSize
    1, // sizeIncrement
    1, // suggestedSizeIncrement
  );
  if (s.version >= INELIGIBILITY_REASONS) fields.push(0);
  s.send(fields);
}
