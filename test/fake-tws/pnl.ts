/**
 * The account's daily P&L through TWS's PnL messages: reqPnL `92|reqId|account|modelCode` is
 * answered with `94|reqId|dailyPnL|unrealizedPnL|realizedPnL` (server version ≥ 135 sends all
 * three) at once and again whenever the simulator revalues; cancelPnL `93|reqId` ends it.
 * The simulator's own dailyPnl is the daily figure; it tracks no unrealised/realised split,
 * so those go out as IB's "unset" double, as TWS sends a value it does not have.
 */
import type { AccountSummary } from '@shared/domain/account';
import type { BridgeContext } from './bridge-kit';
import { PerSession, sendError } from './bridge-kit';
import type { TwsSession } from './server';
import { UNSET_DOUBLE } from './wire';

export interface PnlOptions {
  /** Answer with the unset double for dailyPnL too, as TWS does before it knows the figure. */
  pnlUnknown?: boolean;
}

export function registerPnl(ctx: BridgeContext, opts: PnlOptions): void {
  const { tws, sim } = ctx;
  const sessions = new PerSession<Set<number>>(
    () => new Set(),
    () => undefined,
  );
  const send = (s: TwsSession, reqId: number, a: AccountSummary | null): void => {
    const daily = opts.pnlUnknown || a?.dailyPnl == null ? UNSET_DOUBLE : a.dailyPnl;
    s.send([94, reqId, daily, UNSET_DOUBLE, UNSET_DOUBLE]);
  };

  tws.on('92', (s, m) => {
    const reqId = m.int('reqId');
    const account = m.str('account');
    const modelCode = m.str('modelCode');
    m.end();
    if (account !== ctx.account || modelCode !== '') {
      sendError(
        s,
        reqId,
        321,
        `Error validating request.-'bK' : cause - Invalid account ${account}`,
      );
      return;
    }
    sessions.get(s).add(reqId);
    send(s, reqId, sim.accountSummary());
  });
  tws.on('93', (s, m) => {
    const reqId = m.int('reqId');
    m.end();
    sessions.get(s).delete(reqId);
  });

  ctx.onDetach(
    sim.events.on('account', (summary) =>
      sessions.each((s, reqIds) => {
        for (const reqId of reqIds) send(s, reqId, summary);
      }),
    ),
  );
  ctx.onDetach(() => sessions.clear());
}
