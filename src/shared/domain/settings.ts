/**
 * The trader's settings: what the order gate allows beyond the risk matrix. Stored as JSON
 * (electron-store in the app, `<data dir>/settings.json` in headless mode), validated on every
 * read and write; a file that does not validate is reported, never silently replaced.
 */
import { z } from 'zod';

const strict = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict();

export const TradingSettingsSchema = strict({
  /**
   * Live trading is allowed only for this account id, typed by the trader; null: paper and the
   * simulator only. Comparing with the connected account means a typo never enables anything.
   */
  liveTradingAccount: z.string().min(1).max(32).nullable(),
  /** Market orders are refused unless this is on. */
  marketOrdersAllowed: z.boolean(),
});

export const OrderSettingsSchema = strict({
  /**
   * A limit price further through the mid than both of these is a fat finger: the larger of
   * the two allowances applies, so cheap options are judged in ticks and dear ones in percent.
   */
  collar: strict({
    maxPctThroughMid: z.number().gt(0).max(100),
    maxTicksThroughMid: z.int().min(1).max(1000),
  }),
  /** Contracts (or shares / 100) in one order, whatever the regime allows per position. */
  maxContractsPerOrder: z.int().min(1).max(100_000),
  /** Σ |legs' notional| in $ (underlying price × multiplier × contracts). */
  maxNotional: z.number().gt(0),
  /** At most maxOrders sent within any rolling perSeconds. */
  rate: strict({ maxOrders: z.int().min(1).max(1000), perSeconds: z.int().min(1).max(3600) }),
  /** The same legs, side and size again within this many seconds needs an explicit send-again. */
  duplicateWindowSeconds: z.int().min(0).max(3600),
  /** How long a reviewed order's confirmation token stays valid. */
  confirmTimeoutSeconds: z.int().min(5).max(600),
  walk: strict({
    stepSeconds: z.int().min(1).max(300),
    maxSteps: z.int().min(1).max(50),
    /** Walk only 09:30–16:00 New York, Monday to Friday. */
    regularHoursOnly: z.boolean(),
  }),
});

export const SettingsSchema = strict({
  version: z.literal(1),
  trading: TradingSettingsSchema,
  orders: OrderSettingsSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: 1,
  trading: { liveTradingAccount: null, marketOrdersAllowed: false },
  orders: {
    collar: { maxPctThroughMid: 10, maxTicksThroughMid: 10 },
    maxContractsPerOrder: 50,
    maxNotional: 25_000_000,
    rate: { maxOrders: 10, perSeconds: 60 },
    duplicateWindowSeconds: 30,
    confirmTimeoutSeconds: 60,
    walk: { stepSeconds: 5, maxSteps: 10, regularHoursOnly: true },
  },
};

/** A change: any subset of the settings, section by section; the result is validated whole. */
export const SettingsPatchSchema = strict({
  trading: TradingSettingsSchema.partial().optional(),
  orders: strict({
    collar: OrderSettingsSchema.shape.collar.partial().optional(),
    maxContractsPerOrder: OrderSettingsSchema.shape.maxContractsPerOrder.optional(),
    maxNotional: OrderSettingsSchema.shape.maxNotional.optional(),
    rate: OrderSettingsSchema.shape.rate.partial().optional(),
    duplicateWindowSeconds: OrderSettingsSchema.shape.duplicateWindowSeconds.optional(),
    confirmTimeoutSeconds: OrderSettingsSchema.shape.confirmTimeoutSeconds.optional(),
    walk: OrderSettingsSchema.shape.walk.partial().optional(),
  }).optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Applies a patch section by section (nested objects merged, values replaced). */
export function applySettingsPatch(s: Settings, p: SettingsPatch): Settings {
  const o = p.orders ?? {};
  return {
    version: 1,
    trading: { ...s.trading, ...p.trading },
    orders: {
      ...s.orders,
      ...o,
      collar: { ...s.orders.collar, ...o.collar },
      rate: { ...s.orders.rate, ...o.rate },
      walk: { ...s.orders.walk, ...o.walk },
    },
  };
}
