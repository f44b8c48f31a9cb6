/**
 * The pre-trade gate: every check, in a fixed order, each a small pure function. All checks
 * run even after a denial so the trader sees every reason at once; the decision is denied if
 * any check denies, warned if any warns, else allowed.
 */
import type { CheckOutcome, GateFinding, Review } from '@shared/domain/order-ticket';
import {
  contractCaps,
  duplicateOrder,
  instrumentsKnown,
  liveTrading,
  marketOrders,
  notionalCap,
  orderRate,
  orderShape,
  priceCollar,
  quotesFresh,
  settingsValid,
  tradingState,
} from './checks-order';
import { marginCushion, projectedRisk } from './checks-risk';
import type { CheckResult, GateCheck, GateContext } from './types';

export const GATE_CHECKS: readonly GateCheck[] = [
  { name: 'settings', fast: true, run: settingsValid },
  { name: 'instruments', fast: true, run: instrumentsKnown },
  { name: 'order', fast: true, run: orderShape },
  { name: 'trading state', fast: true, run: tradingState },
  { name: 'live trading', fast: true, run: liveTrading },
  { name: 'market orders', fast: true, run: marketOrders },
  { name: 'quotes', fast: true, run: quotesFresh },
  { name: 'contracts', fast: true, run: contractCaps },
  { name: 'notional', fast: true, run: notionalCap },
  { name: 'price collar', fast: true, run: priceCollar },
  { name: 'duplicate', fast: true, run: duplicateOrder },
  { name: 'order rate', fast: true, run: orderRate },
  { name: 'projected risk', fast: false, run: projectedRisk },
  { name: 'margin cushion', fast: false, run: marginCushion },
];

/** Checks that need resolved legs are skipped when a leg is unknown (its own denial says why). */
const NEEDS_LEGS = new Set(
  GATE_CHECKS.map((c) => c.name).filter(
    (n) =>
      !['settings', 'instruments', 'trading state', 'live trading', 'market orders'].includes(n),
  ),
);

export interface GateResult {
  decision: Review['decision'];
  denials: GateFinding[];
  warnings: GateFinding[];
  checks: CheckOutcome[];
}

function safeRun(check: GateCheck, ctx: GateContext): CheckResult {
  try {
    return check.run(ctx);
  } catch (e) {
    // A check that throws denies: the gate fails closed, never open.
    return {
      outcome: 'deny',
      code: 'INVALID_ORDER',
      message: `The ${check.name} check failed: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
}

export function runGate(ctx: GateContext, only: 'all' | 'fast' = 'all'): GateResult {
  const checks: CheckOutcome[] = [];
  const denials: GateFinding[] = [];
  const warnings: GateFinding[] = [];
  for (const check of GATE_CHECKS) {
    if (only === 'fast' && !check.fast) continue;
    const result: CheckResult =
      ctx.order === null && NEEDS_LEGS.has(check.name)
        ? { outcome: 'skip', message: 'a leg is unknown' }
        : safeRun(check, ctx);
    const code = result.outcome === 'warn' || result.outcome === 'deny' ? result.code : null;
    const details = 'details' in result && result.details ? result.details : {};
    checks.push({
      check: check.name,
      outcome: result.outcome,
      code,
      message: result.message,
      details,
    });
    if (code === null) continue;
    const finding = { code, message: result.message, details };
    (result.outcome === 'deny' ? denials : warnings).push(finding);
  }
  const decision = denials.length > 0 ? 'denied' : warnings.length > 0 ? 'warned' : 'allowed';
  return { decision, denials, warnings, checks };
}
