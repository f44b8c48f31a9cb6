/** The default risk matrix applied to a $250k account in the neutral regime. */
import { checkConfig } from '../../../../src/main/risk/engine/matrix-config';
import type { CheckConfig } from '../../../../src/main/risk/engine/check-config';
import { DEFAULT_MATRIX_PATH, loadRiskMatrix } from '../../../../src/main/risk/matrix/load';
import type { RiskMatrix } from '../../../../src/main/risk/matrix/schema';
import type { RegimeName } from '@shared/domain/risk';

export function defaultMatrix(): RiskMatrix {
  const r = loadRiskMatrix(DEFAULT_MATRIX_PATH);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.matrix;
}

export function config(regime: RegimeName = 'neutral', nlv: number | null = 250_000): CheckConfig {
  return checkConfig(defaultMatrix(), regime, nlv, 18, 1.1);
}
