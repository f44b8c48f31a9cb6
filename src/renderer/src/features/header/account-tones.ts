/**
 * Colours of the header's account figures (pure). The cushion's colour and minimum come from the
 * frame's MARGIN_CUSHION light — the risk matrix owns the threshold, not the renderer. A margin
 * deficit and a net liquidation at or below zero are known critical facts: red, never grey.
 */
import type { AccountSummary } from '@shared/domain/account';
import type { LimitCheck } from '@shared/domain/risk';
import { fmt } from '../../format/numbers';

export const MARGIN_CUSHION_CODE = 'MARGIN_CUSHION';

export type FigureTone = 'critical' | 'warn' | 'none';

export interface AccountTones {
  netLiquidation: FigureTone;
  excessLiquidity: FigureTone;
  cushion: FigureTone;
  cushionTitle: string;
}

export function accountTones(
  account: AccountSummary | null,
  cushionCheck: LimitCheck | undefined,
): AccountTones {
  const limit = cushionCheck?.limit ?? null;
  const cushionTitle =
    limit === null
      ? 'Excess liquidity / net liquidation'
      : `Excess liquidity / net liquidation (minimum ${fmt(limit * 100, 0)}% in the risk limits)`;
  if (account === null) {
    return { netLiquidation: 'none', excessLiquidity: 'none', cushion: 'none', cushionTitle };
  }
  const deficit = account.excessLiquidity < 0;
  const blown = account.netLiquidation <= 0;
  const light = cushionCheck?.light;
  const cushion: FigureTone =
    deficit || blown || light === 'red' ? 'critical' : light === 'yellow' ? 'warn' : 'none';
  return {
    netLiquidation: blown ? 'critical' : 'none',
    excessLiquidity: deficit ? 'critical' : 'none',
    cushion,
    cushionTitle,
  };
}
