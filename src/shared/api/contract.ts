/**
 * The one contract between the core and any front end. Commands are `domain.verb`, streams are
 * `domain.topic`; each is declared once here with its zod schemas. The Electron IPC transport and
 * the headless WebSocket transport both carry exactly this.
 */
import { z } from 'zod';
import { AccountSummarySchema, BrokerKindSchema, ConnectionStateSchema } from '../domain/account';
import { QuotesUpdateSchema } from '../domain/market';
import { PositionsUpdateSchema, PositionsViewSchema } from '../domain/positions';
import { RegimeChangeSchema, RiskFrameSchema } from '../domain/risk';
import { MAX_SIM_SPEED, MIN_SIM_SPEED, ShockMoveSchema, SimStatusSchema } from '../domain/sim';
import { ChainRequestSchema, ChainViewSchema } from '../domain/chain';
import {
  ModifyInputSchema,
  OrderEventSchema,
  OrderIdInputSchema,
  OrderRecordSchema,
  OrderTicketSchema,
  ReviewSchema,
  SetTradingStateSchema,
  SubmitInputSchema,
  TradingStateSchema,
} from '../domain/order-ticket';
import { SettingsPatchSchema, SettingsSchema } from '../domain/settings';
import type { ErrorCode } from './errors';

export const NoInputSchema = z.object({}).strict();

export const AppInfoSchema = z
  .object({
    name: z.literal('Bulwark'),
    version: z.string(),
    runtime: z.enum(['electron', 'headless']),
    broker: BrokerKindSchema,
    startedAt: z.number().int(),
    /** Ages beyond which the front end must show a value as stale. */
    staleAfterMs: z.object({ quote: z.number().int(), greeks: z.number().int() }).strict(),
    commands: z.array(z.string()),
    streams: z.array(z.string()),
  })
  .strict();
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const SimControlSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
  z
    .object({ action: z.literal('speed'), speed: z.number().min(MIN_SIM_SPEED).max(MAX_SIM_SPEED) })
    .strict(),
  z.object({ action: z.literal('shock'), moves: z.array(ShockMoveSchema).min(1).max(16) }).strict(),
  z.object({ action: z.literal('shock-spec'), spec: z.string().min(1).max(200) }).strict(),
  /** Simulator only: make every risk recompute fail until turned off (to see the app fail closed). */
  z.object({ action: z.literal('engine-fault'), on: z.boolean() }).strict(),
]);
export type SimControl = z.infer<typeof SimControlSchema>;

interface CommandSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Codes this command may fail with, beyond the transport's own. */
  errors: readonly ErrorCode[];
  summary: string;
}

function command<I extends z.ZodType, O extends z.ZodType>(
  spec: CommandSpec<I, O>,
): CommandSpec<I, O> {
  return spec;
}

export const commands = {
  'app.info': command({
    input: NoInputSchema,
    output: AppInfoSchema,
    errors: [],
    summary: 'Version, runtime, broker and the contract this core serves.',
  }),
  'positions.snapshot': command({
    input: NoInputSchema,
    output: PositionsViewSchema,
    errors: [],
    summary: 'Every position with price, P&L and Greeks, grouped by underlying, with totals.',
  }),
  'account.snapshot': command({
    input: NoInputSchema,
    output: AccountSummarySchema.nullable(),
    errors: [],
    summary: 'Latest account values (net liquidation, margin, excess liquidity, cushion).',
  }),
  'connection.get': command({
    input: NoInputSchema,
    output: ConnectionStateSchema,
    errors: [],
    summary: 'Current broker connection state.',
  }),
  'sim.control': command({
    input: SimControlSchema,
    output: SimStatusSchema,
    errors: ['NOT_AVAILABLE', 'INVALID_SHOCK'],
    summary: 'Pause, resume, change speed or shock the built-in market simulator.',
  }),
  'market.chain': command({
    input: ChainRequestSchema,
    output: ChainViewSchema,
    errors: ['UNKNOWN_INSTRUMENT', 'BROKER_DISCONNECTED', 'TIMEOUT'],
    summary: 'One expiry of an option chain around the money, with quotes, delta and IV.',
  }),
  'orders.preview': command({
    input: OrderTicketSchema,
    output: ReviewSchema,
    errors: ['BROKER_DISCONNECTED', 'UNKNOWN_INSTRUMENT'],
    summary: 'Runs the pre-trade gate; unless denied, returns a single-use confirmation token.',
  }),
  'orders.submit': command({
    input: SubmitInputSchema,
    output: z.object({ orderId: z.int() }).strict(),
    errors: [
      'TOKEN_INVALID',
      'TOKEN_EXPIRED',
      'TOKEN_USED',
      'ORDER_DENIED',
      'ORDER_REJECTED',
      'BROKER_DISCONNECTED',
    ],
    summary: 'Sends a reviewed order: its token, the fast checks again, then the broker.',
  }),
  'orders.cancel': command({
    input: OrderIdInputSchema,
    output: OrderRecordSchema,
    errors: ['ORDER_NOT_FOUND', 'ORDER_REJECTED', 'BROKER_DISCONNECTED', 'TIMEOUT'],
    summary: 'Cancels a working order (a walking limit stops walking).',
  }),
  'orders.modify': command({
    input: ModifyInputSchema,
    output: OrderRecordSchema,
    errors: ['ORDER_NOT_FOUND', 'ORDER_DENIED', 'ORDER_REJECTED', 'BROKER_DISCONNECTED'],
    summary: 'A new limit price for a working order, within the price collar.',
  }),
  'orders.list': command({
    input: NoInputSchema,
    output: z.array(OrderRecordSchema),
    errors: [],
    summary: 'Every order sent this session, newest first, with status and fills.',
  }),
  'trading.state': command({
    input: NoInputSchema,
    output: TradingStateSchema,
    errors: [],
    summary: 'Active, reduce-only or halted, with the reason and since when.',
  }),
  'trading.set': command({
    input: SetTradingStateSchema,
    output: TradingStateSchema,
    errors: ['ORDER_DENIED'],
    summary: 'The trader sets the trading state (resuming past the daily loss limit is refused).',
  }),
  'settings.get': command({
    input: NoInputSchema,
    output: SettingsSchema,
    errors: ['SETTINGS_INVALID'],
    summary: 'The trader’s settings (live trading, market orders, collars, caps, throttle).',
  }),
  'settings.update': command({
    input: SettingsPatchSchema,
    output: SettingsSchema,
    errors: ['SETTINGS_INVALID'],
    summary: 'Changes some settings; the result is validated whole and saved.',
  }),
} as const;

export const streams = {
  'connection.state': ConnectionStateSchema,
  'positions.changed': PositionsUpdateSchema,
  'market.quotes': QuotesUpdateSchema,
  'account.changed': AccountSummarySchema,
  'sim.status': SimStatusSchema,
  /** The latest risk frame, recomputed (coalesced) whenever its inputs change. */
  'risk.frame': RiskFrameSchema,
  /** Raised when the volatility regime changes (after hysteresis). */
  'risk.regimeChanged': RegimeChangeSchema,
  /** Order updates, fills and TWS notices, as they happen. */
  'orders.events': OrderEventSchema,
  'trading.state': TradingStateSchema,
} as const;

export type Commands = typeof commands;
export type Streams = typeof streams;
export type CommandName = keyof Commands;
export type StreamName = keyof Streams;
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
export type ParsedCommandInput<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Commands[N]['output']>;
export type StreamData<S extends StreamName> = z.output<Streams[S]>;

export const commandNames = Object.keys(commands) as CommandName[];
export const streamNames = Object.keys(streams) as StreamName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}

export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.hasOwn(streams, name);
}
