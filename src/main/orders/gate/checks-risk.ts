/**
 * The gate's slow checks, run at review only: the book's lights with the trade (projectTrade)
 * and the broker's what-if margin against the cushion minimum. A red light that turns red or
 * gets worse denies; yellow warns. An order that only reduces risk is never denied by a limit
 * or by the cushion it improves.
 */
import type { Violation } from '../../risk/engine/projection';
import { deny, pass, warn, type CheckResult, type GateContext } from './types';

const names = (vs: readonly Violation[]) => vs.map((v) => v.name).join(', ');

export function projectedRisk(ctx: GateContext): CheckResult {
  if (ctx.projectionError !== null) {
    if (ctx.reduce.reduces) {
      return warn(
        'RISK_LIMIT',
        `Risk could not be projected (${ctx.projectionError}); this order only reduces`,
      );
    }
    return deny('RISK_LIMIT', `Risk could not be projected: ${ctx.projectionError}`);
  }
  const p = ctx.projection;
  if (!p) return { outcome: 'skip', message: 'projection kept from the review' };
  const stale = p.violations.filter((v) => v.kind === 'stale');
  const red = p.violations.filter((v) => v.kind !== 'stale');
  if (!ctx.reduce.reduces) {
    if (stale.length > 0) {
      return deny('STALE_DATA', `Cannot check ${names(stale)}: ${stale[0]!.after.explanation}`, {
        lights: stale.map((v) => v.code).join(','),
      });
    }
    if (red.length > 0) {
      return deny(
        'RISK_LIMIT',
        `The trade would turn or keep red and worse: ${red
          .map((v) => `${v.name} (${v.kind === 'new' ? 'turns red' : 'red, worse'}: ${v.message})`)
          .join('; ')}`,
        { lights: red.map((v) => v.code).join(',') },
      );
    }
  }
  const before = new Map(p.current.lights.map((l) => [l.code, l]));
  const yellow = p.projected.lights.filter((l) => {
    const b = before.get(l.code);
    if (l.light !== 'yellow') return false;
    if (!b || b.light === 'green') return true;
    return b.light === 'yellow' && (l.utilization ?? 0) > (b.utilization ?? 0) + 1e-9;
  });
  if (yellow.length > 0 && !ctx.reduce.reduces) {
    return warn(
      'RISK_LIMIT',
      `Near a limit after the trade: ${yellow.map((l) => l.name).join(', ')}`,
      {
        lights: yellow.map((l) => l.code).join(','),
      },
    );
  }
  return pass(
    ctx.reduce.reduces ? 'only reduces: limits do not stop it' : 'no light turns red or worse',
  );
}

/** IB's cushion: excess liquidity (equity with loan − maintenance margin) over net liquidation. */
export function cushionAfter(ctx: GateContext): number | null {
  const nlv = ctx.account.netLiquidation;
  if (ctx.whatIf.kind !== 'impact' || nlv === null || nlv <= 0) return null;
  const i = ctx.whatIf.impact;
  return (i.equityWithLoanAfter - i.maintMarginAfter) / nlv;
}

export function marginCushion(ctx: GateContext): CheckResult {
  const w = ctx.whatIf;
  if (w.kind === 'not-run') return { outcome: 'skip', message: 'what-if kept from the review' };
  if (w.kind === 'failed') {
    if (ctx.reduce.reduces)
      return warn('WHAT_IF_FAILED', `No what-if margin (${w.reason}); this order only reduces`);
    return deny(
      'WHAT_IF_FAILED',
      `No what-if margin, so the cushion cannot be checked: ${w.reason}`,
    );
  }
  const after = cushionAfter(ctx);
  const addsMargin = w.impact.maintMarginChange > 0 || w.impact.initMarginChange > 0;
  const min = ctx.cushionMin;
  const details = {
    source: w.source,
    maintMarginChange: Math.round(w.impact.maintMarginChange),
    cushionAfter: after === null ? 'unknown' : Number(after.toFixed(4)),
    min,
  };
  if (after === null && addsMargin && !ctx.reduce.reduces) {
    return deny(
      'MARGIN_CUSHION',
      'Net liquidation unknown: the cushion after the trade cannot be checked',
      details,
    );
  }
  if (after !== null && after < min && addsMargin && !ctx.reduce.reduces) {
    return deny(
      'MARGIN_CUSHION',
      `Cushion after the trade ${(after * 100).toFixed(1)} % is below the ${(min * 100).toFixed(0)} % minimum`,
      details,
    );
  }
  if (w.impact.warning)
    return warn('WHAT_IF_WARNING', `Broker what-if: ${w.impact.warning}`, details);
  return pass(
    after === null ? 'the order releases margin' : `cushion after ${(after * 100).toFixed(1)} %`,
    details,
  );
}
