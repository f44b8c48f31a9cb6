/**
 * The account values Bulwark guards, from TWS's account summary subscription: net liquidation,
 * cash, init/maint margin, excess liquidity, buying power and cushion for the chosen account.
 * A summary is published only once every value is known — never with a made-up zero. The
 * day's P&L comes from a reqPnL subscription for the same account (null until TWS sends one).
 */
import { EventName, type IBApi } from '@stoqey/ib';
import type { AccountSummary } from '@shared/domain/account';
import { ibNumber } from './ib-errors';

/** TWS tag → AccountSummary field. */
const TAGS = {
  NetLiquidation: 'netLiquidation',
  TotalCashValue: 'cash',
  InitMarginReq: 'initMargin',
  MaintMarginReq: 'maintMargin',
  ExcessLiquidity: 'excessLiquidity',
  BuyingPower: 'buyingPower',
  Cushion: 'cushion',
} as const;

type Field = (typeof TAGS)[keyof typeof TAGS];

export const SUMMARY_TAGS = Object.keys(TAGS).join(',');

export class AccountValues {
  private values = new Map<Field, number>();
  private summary: AccountSummary | null = null;
  private dailyPnl: number | null = null;
  private api: IBApi | null = null;
  private reqIds: { summary: number; pnl: number | null } | null = null;

  constructor(
    private readonly publish: (a: AccountSummary) => void,
    private readonly now: () => number,
  ) {}

  current(): AccountSummary | null {
    return this.summary;
  }

  /**
   * Subscribes on a new session; values of other accounts are ignored. `pnlReqId` is used for
   * reqPnL once the account is known (it is when a session is ready: the managed accounts
   * arrive before nextValidId).
   */
  attach(api: IBApi, reqId: number, pnlReqId: number, account: () => string | null): void {
    this.api = api;
    this.dailyPnl = null;
    api.on(
      EventName.accountSummary,
      (id: number, acct: string, tag: string, value: string, currency: string) => {
        if (id !== reqId || acct !== account()) return;
        const field = TAGS[tag as keyof typeof TAGS] as Field | undefined;
        if (!field || (currency !== 'USD' && currency !== '' && tag !== 'Cushion')) return;
        const v = ibNumber(Number(value));
        if (v === null) this.values.delete(field);
        else this.values.set(field, v);
      },
    );
    api.on(EventName.accountSummaryEnd, (id: number) => {
      if (id === reqId) this.flush(account());
    });
    api.on(EventName.pnl, (id: number, daily: number | undefined) => {
      if (id === pnlReqId) this.onPnl(ibNumber(daily));
    });
    api.reqAccountSummary(reqId, 'All', SUMMARY_TAGS);
    const acct = account();
    if (acct !== null) api.reqPnL(pnlReqId, acct, '');
    this.reqIds = { summary: reqId, pnl: acct !== null ? pnlReqId : null };
  }

  /** Ends the subscriptions of a session that is still up (on stop). */
  cancel(): void {
    const api = this.api;
    if (api?.isConnected && this.reqIds) {
      api.cancelAccountSummary(this.reqIds.summary);
      if (this.reqIds.pnl !== null) api.cancelPnL(this.reqIds.pnl);
    }
    this.detach();
  }

  /** The session ended: its subscriptions went with it. */
  detach(): void {
    this.api = null;
    this.reqIds = null;
  }

  private onPnl(daily: number | null): void {
    if (daily === this.dailyPnl) return;
    this.dailyPnl = daily;
    // The summary carries the day's P&L: republish it with the new figure.
    if (this.summary) {
      this.summary = { ...this.summary, dailyPnl: daily, time: this.now() };
      this.publish(this.summary);
    }
  }

  private flush(account: string | null): void {
    const v = (f: Field) => this.values.get(f);
    const fields: Field[] = Object.values(TAGS);
    if (account === null || fields.some((f) => v(f) === undefined)) return;
    this.summary = {
      account,
      currency: 'USD',
      netLiquidation: v('netLiquidation')!,
      cash: v('cash')!,
      initMargin: v('initMargin')!,
      maintMargin: v('maintMargin')!,
      excessLiquidity: v('excessLiquidity')!,
      buyingPower: v('buyingPower')!,
      cushion: v('cushion')!,
      dailyPnl: this.dailyPnl,
      time: this.now(),
    };
    this.publish(this.summary);
  }
}
