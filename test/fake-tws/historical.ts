/**
 * Daily bars from the simulator's history through reqHistoricalData: `1 day` bars for an
 * underlying (stock, index, future), durations in D/W/M/Y, bars up to endDateTime's date.
 * Other bar sizes and option contracts get error 162, as an HMDS query with no data does.
 */
import { HISTORY_MAX_DAYS } from '../../src/main/broker/sim/history';
import type { BridgeContext } from './bridge-kit';
import { expectVersion, sendError, single } from './bridge-kit';
import { ibDate, readComboLegs, readContract } from './contracts';
import type { Field } from './wire';

/** Bars a duration asks for, at five trading days a week. */
function barsFor(duration: string): number | null {
  const m = /^(\d+) ([DWMY])$/.exec(duration.trim());
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[2]) {
    case 'D':
      return Math.ceil((n * 5) / 7);
    case 'W':
      return n * 5;
    case 'M':
      return n * 21;
    default:
      return n * 252;
  }
}

export function registerHistoricalData(ctx: BridgeContext): void {
  const { tws, sim } = ctx;

  // reqHistoricalData `20|reqId|contract…|includeExpired|end|barSize|duration|useRTH|whatToShow|formatDate|[legs]|keepUpToDate|chartOptions`
  tws.on('20', (s, m) => {
    const reqId = m.int('reqId');
    const contract = readContract(m);
    m.bool('includeExpired');
    const end = m.str('endDateTime');
    const barSize = m.str('barSizeSetting');
    const duration = m.str('durationStr');
    m.int('useRTH');
    m.str('whatToShow');
    m.int('formatDate');
    if (contract.secType.toUpperCase() === 'BAG') readComboLegs(m);
    m.bool('keepUpToDate');
    m.str('chartOptions');
    m.end();
    const bars = barsFor(duration);
    const hmds = (why: string): void =>
      sendError(s, reqId, 162, `Historical Market Data Service error message:${why}`);
    if (bars === null) return hmds(`invalid duration ${duration}`);
    if (barSize !== '1 day') return hmds(`the fake TWS serves only 1 day bars, not ${barSize}`);
    const endDate = /^\d{8}/.exec(end)?.[0] ?? '99999999';
    ctx.contracts
      .resolve(contract)
      .then(async (found) => {
        const inst = single(s, reqId, found, contract.symbol);
        if (!inst) return;
        if (inst.secType === 'OPT' || inst.secType === 'FOP')
          return hmds('HMDS query returned no data');
        const all = await sim.historicalDaily(inst.symbol, HISTORY_MAX_DAYS);
        const upTo = all.filter((b) => ibDate(b.date) <= endDate).slice(-bars);
        const first = upTo[0];
        const last = upTo.at(-1);
        const fields: Field[] = [
          17,
          reqId,
          first ? `${ibDate(first.date)} 00:00:00` : '',
          last ? `${ibDate(last.date)} 23:59:59` : '',
          upTo.length,
        ];
        for (const b of upTo) {
          const wap = (b.high + b.low + b.close) / 3;
          fields.push(ibDate(b.date), b.open, b.high, b.low, b.close, b.volume, wap, 0);
        }
        s.send(fields);
      })
      .catch((e: unknown) => ctx.fail('20', e));
  });

  // cancelHistoricalData `25|1|reqId`: the bars have already gone out in one message.
  tws.on('25', (_s, m) => {
    expectVersion(m, 1);
    m.int('reqId');
    m.end();
  });
}
