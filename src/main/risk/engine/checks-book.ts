/**
 * Checks on the account and the book's shape: margin cushion, daily drawdown, position size,
 * tier caps, short options near expiry and gamma near expiry — plus the alarms they raise.
 */
import type { Alarm } from '@shared/domain/risk';
import type { RiskAccount } from './book';
import type { CheckConfig } from './check-config';
import { ceilingUtilization, floorUtilization, money, pct, type CheckDraft } from './lights';
import type { ResolvedPosition } from './resolve';

/**
 * Excess liquidity ÷ NLV against the minimum. Negative excess liquidity or an NLV at or below
 * zero is a known, critical fact — red with a margin-call alarm — never "unknown".
 */
export function marginCushionCheck(acct: RiskAccount, c: CheckConfig, alarms: Alarm[]): CheckDraft {
  const { netLiquidation: nlv, excessLiquidity: el } = acct;
  const base = {
    code: 'MARGIN_CUSHION' as const,
    name: 'Margin cushion',
    unit: 'ratio',
    limit: c.marginCushionMin,
  };
  const blown = (nlv !== null && nlv <= 0) || (el !== null && el < 0);
  if (blown) {
    const words =
      nlv !== null && nlv <= 0
        ? `Net liquidation is ${money(nlv)}: the account is wiped out`
        : `Excess liquidity is ${money(el!)}: the account is below maintenance margin`;
    alarms.push({
      code: 'MARGIN_CALL' as const,
      severity: 'critical',
      subject: 'account',
      message: `${words}. Margin call: the broker may liquidate positions.`,
    });
    return {
      ...base,
      value: nlv !== null && nlv > 0 && el !== null ? el / nlv : null,
      utilization: Number.POSITIVE_INFINITY,
      light: 'red',
      explanation: `${words} (margin call).`,
    };
  }
  if (nlv === null || el === null) {
    return {
      ...base,
      value: null,
      utilization: null,
      light: 'stale',
      explanation: 'No account values: the cushion is unknown.',
    };
  }
  const cushion = el / nlv;
  const u = floorUtilization(cushion, c.marginCushionMin);
  return {
    ...base,
    value: cushion,
    utilization: u,
    explanation:
      `Excess liquidity ${money(el)} ÷ NLV ${money(nlv)} = ${pct(cushion * 100)}; the minimum is ` +
      `${pct(c.marginCushionMin * 100, 0)} (utilization = minimum ÷ cushion: ${pct(u)}).`,
  };
}

export function drawdownCheck(acct: RiskAccount, c: CheckConfig): CheckDraft {
  const { netLiquidation: nlv, startOfDayNetLiquidation: sod } = acct;
  const base = {
    code: 'DAILY_DRAWDOWN' as const,
    name: 'Daily drawdown',
    unit: '% of start-of-day NLV',
    limit: c.dailyDrawdownPct,
  };
  if (nlv === null || sod === null || !(sod > 0)) {
    return {
      ...base,
      value: null,
      utilization: null,
      light: 'stale',
      explanation: `${acct.startOfDayBasis ?? 'Start of day unknown'}.`,
    };
  }
  const loss = Math.max(0, ((sod - nlv) / sod) * 100);
  const u = ceilingUtilization(loss, c.dailyDrawdownPct);
  const change = nlv - sod;
  // Advice only: the trading state that would enforce reduce-only arrives with the order path.
  const tail = u > 100 ? ' Past the daily loss limit: add no new risk today.' : '';
  return {
    ...base,
    value: loss,
    utilization: u,
    explanation:
      `NLV ${money(nlv)} vs ${money(sod)} at the open${acct.startOfDayBasis ? ` (${acct.startOfDayBasis})` : ''}, ` +
      `${change >= 0 ? '+' : '−'}${money(Math.abs(change))}: ` +
      `drawdown ${pct(loss, 2)} of the ${pct(c.dailyDrawdownPct)} allowed, ${pct(u)} used.${tail}`,
  };
}

export function contractsCheck(resolved: readonly ResolvedPosition[], c: CheckConfig): CheckDraft {
  let worst: ResolvedPosition | null = null;
  for (const r of resolved) {
    if (r.pos.secType === 'STK') continue;
    if (!worst || Math.abs(r.pos.quantity) > Math.abs(worst.pos.quantity)) worst = r;
  }
  const qty = worst ? Math.abs(worst.pos.quantity) : 0;
  const u = ceilingUtilization(qty, c.maxContracts);
  return {
    code: 'MAX_CONTRACTS' as const,
    name: 'Position size',
    unit: 'contracts',
    value: qty,
    limit: c.maxContracts,
    utilization: u,
    subject: worst?.pos.description ?? null,
    explanation: worst
      ? `Largest position: ${qty} × ${worst.pos.description}; the ${c.regime} maximum is ${c.maxContracts} contracts per position (${pct(u)}).`
      : 'No option or futures positions.',
  };
}

/** Gross delta exposure per tier at current prices (drift included), against cap − buffer. */
export function tierCheck(
  resolved: readonly ResolvedPosition[],
  c: CheckConfig,
  nlv: number | null,
): CheckDraft {
  const base = { code: 'TIER_CAP' as const, name: 'Tier caps', unit: '% of NLV' };
  if (nlv !== null && nlv <= 0) {
    const exposed = resolved.some((r) => r.greeks !== null && r.greeks.delta !== 0);
    return {
      ...base,
      value: null,
      limit: null,
      utilization: exposed ? Number.POSITIVE_INFINITY : 0,
      light: exposed ? 'red' : 'green',
      explanation: exposed
        ? `NLV ${money(nlv)} is not positive: any delta exposure is beyond every tier cap.`
        : 'No delta exposure.',
    };
  }
  if (nlv === null) {
    return {
      ...base,
      value: null,
      limit: null,
      utilization: null,
      light: 'stale',
      explanation: 'NLV unknown: tier exposure cannot be measured.',
    };
  }
  const netByUnderlying = new Map<string, number>();
  for (const r of resolved) {
    if (!r.greeks) continue;
    const key = r.pos.underlying;
    netByUnderlying.set(
      key,
      (netByUnderlying.get(key) ?? 0) + r.greeks.delta * (r.pos.underlyingPrice ?? 0),
    );
  }
  const byTier = new Map<number, number>();
  for (const [sym, dollars] of netByUnderlying) {
    const tier = c.tiers.symbols.get(sym) ?? c.tiers.defaultTier;
    byTier.set(tier, (byTier.get(tier) ?? 0) + Math.abs(dollars));
  }
  let worst: { tier: number; exposure: number; cap: number; u: number } | null = null;
  for (const [tier, gross] of byTier) {
    const cap = c.tiers.caps.get(tier);
    if (cap === undefined) continue;
    const effective = cap * (1 - c.tiers.bufferPct / 100);
    const exposure = (gross / nlv) * 100;
    const u = ceilingUtilization(exposure, effective);
    if (!worst || u > worst.u) worst = { tier, exposure, cap: effective, u };
  }
  if (!worst)
    return {
      ...base,
      value: 0,
      limit: null,
      utilization: 0,
      explanation: 'No exposure in capped tiers.',
    };
  const raw = c.tiers.caps.get(worst.tier)!;
  return {
    ...base,
    value: worst.exposure,
    limit: worst.cap,
    utilization: worst.u,
    subject: `tier ${worst.tier}`,
    explanation:
      `Tier ${worst.tier} holds ${pct(worst.exposure)} of NLV in delta-dollar exposure at current prices ` +
      `(drift included); its cap is ${pct(raw, 0)} less the ${c.tiers.bufferPct}% safety buffer = ` +
      `${pct(worst.cap)}: ${pct(worst.u)} used.`,
  };
}

/** Short options at or inside the warning DTE; critical at or inside the critical DTE. */
export function expiryCheck(
  resolved: readonly ResolvedPosition[],
  c: CheckConfig,
  alarms: Alarm[],
): CheckDraft {
  let nearest: number | null = null;
  let critical = 0;
  let warning = 0;
  for (const r of resolved) {
    if (!r.pos.option || r.pos.quantity >= 0 || r.dte === null) continue;
    if (r.dte > c.expiry.warningDte) continue;
    const isCritical = r.dte <= c.expiry.criticalDte;
    if (isCritical) critical++;
    else warning++;
    nearest = nearest === null ? r.dte : Math.min(nearest, r.dte);
    alarms.push({
      code: 'SHORT_OPTION_EXPIRY' as const,
      severity: isCritical ? 'critical' : 'warning',
      subject: r.pos.description,
      message: `Short ${Math.abs(r.pos.quantity)} × ${r.pos.description} expires in ${r.dte} day${r.dte === 1 ? '' : 's'}.`,
    });
  }
  const light = critical > 0 ? 'red' : warning > 0 ? 'yellow' : 'green';
  return {
    code: 'EXPIRY' as const,
    name: 'Short options near expiry',
    unit: 'DTE',
    value: nearest,
    limit: c.expiry.criticalDte,
    utilization: null,
    light,
    explanation:
      critical + warning === 0
        ? `No short option within ${c.expiry.warningDte} days of expiry.`
        : `${critical} short option position(s) at ≤ ${c.expiry.criticalDte} DTE (critical), ${warning} at ≤ ${c.expiry.warningDte} DTE (warning); nearest ${nearest} DTE.`,
  };
}

/** Contract-deltas (100 shares) gained or lost per 1% move by near-dated options, per underlying. */
export function gammaNearExpiryCheck(
  resolved: readonly ResolvedPosition[],
  c: CheckConfig,
  alarms: Alarm[],
): CheckDraft {
  const byUnderlying = new Map<string, number>();
  for (const r of resolved) {
    if (!r.pos.option || !r.greeks || r.dte === null || r.dte > c.gammaNearExpiry.maxDte) continue;
    const S = r.pos.underlyingPrice ?? 0;
    const deltaPer1Pct = (r.greeks.gamma * S * 0.01) / 100;
    byUnderlying.set(r.pos.underlying, (byUnderlying.get(r.pos.underlying) ?? 0) + deltaPer1Pct);
  }
  const limit = c.gammaNearExpiry.threshold;
  let worst: [string, number] | null = null;
  for (const [sym, v] of byUnderlying) {
    if (!worst || Math.abs(v) > Math.abs(worst[1])) worst = [sym, v];
    if (Math.abs(v) > limit) {
      alarms.push({
        code: 'GAMMA_NEAR_EXPIRY' as const,
        severity: 'warning',
        subject: sym,
        message: `${sym} options within ${c.gammaNearExpiry.maxDte} DTE change delta by ${Math.abs(v).toFixed(1)} contracts per 1% move (threshold ${limit}).`,
      });
    }
  }
  const value = worst ? Math.abs(worst[1]) : 0;
  const u = ceilingUtilization(value, limit);
  return {
    code: 'GAMMA_NEAR_EXPIRY' as const,
    name: 'Gamma near expiry',
    unit: 'contract Δ per 1%',
    value,
    limit,
    utilization: u,
    subject: worst?.[0] ?? null,
    explanation: worst
      ? `${worst[0]} options within ${c.gammaNearExpiry.maxDte} DTE change delta by ${value.toFixed(2)} contracts per 1% move; threshold ${limit} (${pct(u)}).`
      : `No options within ${c.gammaNearExpiry.maxDte} DTE.`,
  };
}
