/**
 * The account values Bulwark guards, from TWS's account summary subscription: net liquidation,
 * cash, init/maint margin, excess liquidity, buying power and cushion for the chosen account.
 * A summary is published only once every value is known — never with a made-up zero.
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

  constructor(
    private readonly publish: (a: AccountSummary) => void,
    private readonly now: () => number,
  ) {}

  current(): AccountSummary | null {
    return this.summary;
  }

  /** Subscribes on a new session; values of other accounts are ignored. */
  attach(api: IBApi, reqId: number, account: () => string | null): void {
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
    api.reqAccountSummary(reqId, 'All', SUMMARY_TAGS);
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
      time: this.now(),
    };
    this.publish(this.summary);
  }
}
