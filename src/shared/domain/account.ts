import { z } from 'zod';
import { TimestampSchema } from './market';

export const BrokerKindSchema = z.enum(['sim', 'ibkr']);
export type BrokerKind = z.infer<typeof BrokerKindSchema>;

/** simulated: built-in market; paper/live: an IBKR account. */
export const TradingModeSchema = z.enum(['simulated', 'paper', 'live']);
export type TradingMode = z.infer<typeof TradingModeSchema>;

export const ConnectionStatusSchema = z.enum(['connecting', 'connected', 'disconnected']);
export type ConnectionStatus = z.infer<typeof ConnectionStatusSchema>;

export const ConnectionStateSchema = z
  .object({
    broker: BrokerKindSchema,
    status: ConnectionStatusSchema,
    /** Plain words: why we are in this state ("simulator running", "TWS closed the socket"). */
    reason: z.string(),
    account: z.string().nullable(),
    mode: TradingModeSchema,
    serverVersion: z.number().int().nullable(),
    since: TimestampSchema,
  })
  .strict();
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

const money = z.number().finite();

/** The account values Bulwark guards. Cushion = excess liquidity / net liquidation. */
export const AccountSummarySchema = z
  .object({
    account: z.string(),
    currency: z.literal('USD'),
    netLiquidation: money,
    cash: money,
    initMargin: money,
    maintMargin: money,
    excessLiquidity: money,
    buyingPower: money,
    cushion: z.number().finite(),
    /**
     * The broker's own P&L since the session open: IB reqPnL's dailyPnL for the account; the
     * simulator's since its session open (09:30 New York). Null while the broker has not said.
     */
    dailyPnl: money.nullable(),
    time: TimestampSchema,
  })
  .strict();
export type AccountSummary = z.infer<typeof AccountSummarySchema>;
