/**
 * Turns a ticket's legs into the broker's own instruments. Whatever the client sent beyond the
 * key is not trusted: a held position's instrument is used as held (a close must hit the same
 * contract), anything else is looked up through the broker and remembered for the day.
 * When a key matches several contracts (SPX and SPXW on a third Friday) the client's trading
 * class decides, else the PM-settled one.
 */
import { instrumentKey, parseInstrumentKey, type Instrument } from '@shared/domain/instrument';
import type { TicketLeg } from '@shared/domain/order-ticket';
import type { BrokerView } from '../broker/read-only';

const REMEMBER_MS = 24 * 3_600_000;

export type Resolved =
  { ok: true; instrument: Instrument } | { ok: false; key: string; reason: string };

export class LegResolver {
  private readonly known = new Map<string, { instrument: Instrument; at: number }>();

  constructor(
    private readonly broker: BrokerView,
    private readonly now: () => number,
  ) {}

  async resolve(leg: TicketLeg): Promise<Resolved> {
    const key = leg.instrument.key;
    const tradingClass = 'tradingClass' in leg.instrument ? leg.instrument.tradingClass : undefined;
    const held = this.broker.positions().find((p) => p.instrument.key === key);
    if (held) return { ok: true, instrument: held.instrument };
    const memo = this.known.get(`${key}|${tradingClass ?? ''}`);
    if (memo && this.now() - memo.at < REMEMBER_MS)
      return { ok: true, instrument: memo.instrument };
    const parts = parseInstrumentKey(key);
    if (!parts || instrumentKey(parts) !== key) {
      return {
        ok: false,
        key,
        reason: 'not a Bulwark instrument key (e.g. OPT:SPX:2026-12-18:P:5800)',
      };
    }
    if (this.broker.connectionState().status !== 'connected') {
      return {
        ok: false,
        key,
        reason: 'the broker is not connected, so the contract cannot be looked up',
      };
    }
    let found: Instrument[];
    try {
      found = await this.broker.lookupContract({
        symbol: parts.symbol,
        secType: parts.secType,
        ...(parts.expiry ? { expiry: parts.expiry } : {}),
        ...(parts.strike ? { strike: parts.strike } : {}),
        ...(parts.right ? { right: parts.right } : {}),
      });
    } catch (e) {
      return {
        ok: false,
        key,
        reason: `contract lookup failed: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
    const matching = found.filter((i) => i.key === key);
    const pick =
      matching.find((i) => tradingClass !== undefined && i.tradingClass === tradingClass) ??
      (tradingClass === undefined
        ? (matching.find((i) => (i.settlement ?? 'PM') === 'PM') ?? matching[0])
        : undefined);
    if (!pick) {
      return {
        ok: false,
        key,
        reason:
          matching.length === 0
            ? 'the broker does not know this contract'
            : `no ${tradingClass} contract for this key (the broker has ${matching.map((i) => i.tradingClass ?? '?').join(', ')})`,
      };
    }
    this.known.set(`${key}|${tradingClass ?? ''}`, { instrument: pick, at: this.now() });
    return { ok: true, instrument: pick };
  }
}
