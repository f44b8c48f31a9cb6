import { describe, expect, it } from 'vitest';
import { parseRiskMatrix } from '../../../../src/main/risk/matrix/load';
import { DEFAULT_TEXT, errorsOf, lines, variant, without, withValues } from './fixtures';

describe('risk matrix: unknown keys', () => {
  it('rejects unknown keys at every depth, each by its path', () => {
    const result = withValues({
      colour: 'red',
      'limits.neutral.shortVega.extra': 1,
      'scalers.vix.1.when': 'always',
      'guardrails.lights.blue': 50,
    });
    expect(lines(result)).toEqual([
      'limits.neutral.shortVega.extra: unknown key',
      'scalers.vix[1].when: unknown key',
      'guardrails.lights.blue: unknown key',
      'colour: unknown key',
    ]);
  });

  it('names the regimes when a limits key is not one', () => {
    const result = variant((doc) => {
      doc.setIn(['limits', 'panic'], doc.getIn(['limits', 'crisis']));
    });
    expect(lines(result)).toEqual([
      'limits.panic: unknown regime name; expected low_volatility, neutral, high_volatility or crisis',
    ]);
  });

  it('reports a misspelt regime as unknown and the real one as missing', () => {
    const result = variant((doc) => {
      doc.setIn(['limits', 'high_volatilty'], doc.getIn(['limits', 'high_volatility']));
      doc.deleteIn(['limits', 'high_volatility']);
    });
    expect(lines(result)).toEqual([
      'limits.high_volatility: is required',
      'limits.high_volatilty: unknown regime name; expected low_volatility, neutral, high_volatility or crisis',
    ]);
  });
});

describe('risk matrix: types and missing keys', () => {
  it('rejects values of the wrong type, saying what was expected and found', () => {
    const result = withValues({
      'limits.neutral.maxContracts': 'fifty',
      'scalers.enabled': 'yes',
      'scalers.vix': { atOrAbove: 20 },
      'regimes.thresholds': [1, 2],
      'limits.low_volatility.betaDelta.pctNlv': '1.8%',
    });
    expect(lines(result)).toEqual([
      'regimes.thresholds: must be a mapping, got a list',
      'limits.low_volatility.betaDelta.pctNlv: must be a number, got "1.8%"',
      'limits.neutral.maxContracts: must be a whole number, got "fifty"',
      'scalers.enabled: must be true or false, got "yes"',
      'scalers.vix: must be a list, got a mapping',
    ]);
  });

  it('rejects a missing key at any depth', () => {
    const result = without('guardrails.expiry.criticalDte', 'betas', 'limits.crisis.minTheta');
    expect(lines(result)).toEqual([
      'limits.crisis.minTheta: is required',
      'guardrails.expiry.criticalDte: is required',
      'betas: is required',
    ]);
  });

  it('rejects a number that is not finite', () => {
    const result = parseRiskMatrix(
      DEFAULT_TEXT.replace('dailyDrawdownPct: 3.0', 'dailyDrawdownPct: .inf'),
      'inf.yaml',
    );
    expect(lines(result)).toEqual(['guardrails.dailyDrawdownPct: must be a finite number']);
  });

  it('rejects a bad benchmark and a version it does not read', () => {
    expect(lines(withValues({ benchmark: 'QQQ', version: 2 }))).toEqual([
      'version: must be 1, got 2',
      'benchmark: must be one of SPX, SPY, ES, got "QQQ"',
    ]);
  });
});

describe('risk matrix: impossible values', () => {
  it('rejects negative limits and percentages above 100', () => {
    const result = withValues({
      'limits.neutral.shortVega.pctNlv': -1,
      'limits.neutral.gamma.absolute': -5,
      'limits.high_volatility.betaDelta.pctNlv': 150,
      'limits.high_volatility.maxUnderlyingVegaSharePct': 120,
      'limits.crisis.maxContracts': 0,
      'limits.low_volatility.maxContracts': 2.5,
    });
    expect(lines(result)).toEqual([
      'limits.low_volatility.maxContracts: must be a whole number, got 2.5',
      'limits.neutral.shortVega.pctNlv: must be ≥ 0',
      'limits.neutral.gamma.absolute: must be ≥ 0',
      'limits.high_volatility.betaDelta.pctNlv: must be ≤ 100',
      'limits.high_volatility.maxUnderlyingVegaSharePct: must be ≤ 100',
      'limits.crisis.maxContracts: must be ≥ 1',
    ]);
  });

  it('rejects impossible thresholds, guardrails and settings', () => {
    const result = withValues({
      'regimes.thresholds.crisis.vvixAbove': 0,
      'regimes.hysteresis.confirmations': 0,
      'guardrails.marginCushionMin': 1.2,
      'guardrails.dailyDrawdownPct': 0,
      'guardrails.maxBetaDeltaSharePct': 101,
      'guardrails.expiry.warningDte': -1,
      'tiers.bufferPct': 100,
      'tiers.caps.2': 0,
      'betas.TSLA': 25,
      'var.paths': 10,
      'scenarios.volShiftsPts': [],
    });
    expect(lines(result)).toEqual([
      'regimes.thresholds.crisis.vvixAbove: must be > 0',
      'regimes.hysteresis.confirmations: must be ≥ 1',
      'guardrails.marginCushionMin: must be < 1',
      'guardrails.dailyDrawdownPct: must be > 0',
      'guardrails.expiry.warningDte: must be ≥ 0',
      'guardrails.maxBetaDeltaSharePct: must be ≤ 100',
      'tiers.bufferPct: must be < 100',
      'tiers.caps.2: must be > 0',
      'betas.TSLA: must be ≤ 10',
      'scenarios.volShiftsPts: must have at least 1 entries',
      'var.paths: must be ≥ 100',
    ]);
  });
});

describe('risk matrix: pricing inputs', () => {
  it('rejects a rate or yield written in percent', () => {
    const result = withValues({ 'pricing.rate': 4.5, 'pricing.dividendYields.SPY': 1.3 });
    expect(lines(result)).toEqual([
      'pricing.rate: must be ≤ 0.25',
      'pricing.dividendYields.SPY: must be ≤ 0.25',
    ]);
  });
});

describe('risk matrix: values in the wrong order', () => {
  it('rejects regime thresholds out of order', () => {
    expect(lines(withValues({ 'regimes.thresholds.highVolatility.vixAbove': 35 }))).toEqual([
      'regimes.thresholds.highVolatility.vixAbove: must be below regimes.thresholds.crisis.vixAbove (35)',
    ]);
    expect(lines(withValues({ 'regimes.thresholds.lowVolatility.vixBelow': 25 }))).toEqual([
      'regimes.thresholds.lowVolatility.vixBelow: must be below regimes.thresholds.highVolatility.vixAbove (22)',
    ]);
  });

  it('rejects hysteresis bands as wide as the gaps they sit in', () => {
    const result = withValues({
      'regimes.hysteresis.vixBand': 7,
      'regimes.hysteresis.termBand': 1.1,
      'regimes.hysteresis.vvixBand': 200,
    });
    expect(lines(result)).toEqual([
      'regimes.hysteresis.vixBand: must be smaller than the smallest gap between the VIX thresholds (7)',
      'regimes.hysteresis.termBand: must be smaller than regimes.thresholds.lowVolatility.termRatioAbove (1.1)',
      'regimes.hysteresis.vvixBand: must be smaller than regimes.thresholds.crisis.vvixAbove (150)',
    ]);
    expect(withValues({ 'regimes.hysteresis.vixBand': 6.9 }).ok).toBe(true);
  });

  it('rejects guardrail thresholds out of order', () => {
    const result = withValues({
      'guardrails.thetaVegaRatio.greenLow': 0.45,
      'guardrails.expiry.criticalDte': 7,
      'guardrails.lights.yellowAtPct': 95,
      'guardrails.lights.redAbovePct': 90,
    });
    expect(lines(result)).toEqual([
      'guardrails.thetaVegaRatio.greenHigh: must be > greenLow (0.45)',
      'guardrails.expiry.criticalDte: must be ≤ warningDte (5)',
      'guardrails.lights.yellowAtPct: must be ≤ redAbovePct (90)',
    ]);
    expect(lines(withValues({ 'guardrails.thetaVegaRatio.redBelow': 0.3 }))).toEqual([
      'guardrails.thetaVegaRatio.greenLow: must be ≥ redBelow (0.3)',
    ]);
    expect(lines(withValues({ 'guardrails.thetaVegaRatio.redAbove': 0.35 }))).toEqual([
      'guardrails.thetaVegaRatio.redAbove: must be ≥ greenHigh (0.4)',
    ]);
  });

  it('rejects scenario grids out of order', () => {
    const result = withValues({
      'scenarios.movesPct.to': -30,
      'scenarios.volShiftsPts': [-5, 5, 0],
    });
    expect(lines(result)).toEqual([
      'scenarios.movesPct.to: must be above from (-20)',
      'scenarios.volShiftsPts[2]: must be above the previous entry (5): shifts are sorted rising',
    ]);
    expect(lines(withValues({ 'scenarios.movesPct.step': 0.01 }))).toEqual([
      'scenarios.movesPct.step: gives 4001 moves; at most 401',
    ]);
  });
});

describe('risk matrix: scalers', () => {
  it('rejects factors outside (0, 1]', () => {
    const result = withValues({ 'scalers.vix.0.factor': 0, 'scalers.termStructure.2.factor': 1.5 });
    const why = 'must be > 0 and ≤ 1 (a factor tightens a limit; 1 = unchanged)';
    expect(lines(result)).toEqual([
      `scalers.vix[0].factor: ${why}`,
      `scalers.termStructure[2].factor: ${why}`,
    ]);
  });

  it('rejects unsorted steps and factors that loosen at a later step', () => {
    const result = withValues({
      'scalers.vix.2.atOrAbove': 24,
      'scalers.vix.3.factor': 0.6,
      'scalers.termStructure.1.below': 0.97,
    });
    expect(lines(result)).toEqual([
      "scalers.vix[2].atOrAbove: must be above the previous step's atOrAbove (25): steps are sorted by rising atOrAbove",
      "scalers.vix[3].factor: must be ≤ the previous step's factor (0.5): a later step must not loosen limits",
      "scalers.termStructure[1].below: must be below the previous step's below (0.95): steps are sorted by falling below",
    ]);
  });

  it('rejects unknown or repeated limits in appliesTo; minTheta is never scaled', () => {
    expect(lines(withValues({ 'scalers.appliesTo': ['betaDelta', 'minTheta'] }))).toEqual([
      'scalers.appliesTo[1]: must be one of betaDelta, shortVega, gamma, got "minTheta"',
    ]);
    expect(lines(withValues({ 'scalers.appliesTo': ['gamma', 'gamma'] }))).toEqual([
      'scalers.appliesTo[1]: duplicate entry gamma',
    ]);
  });

  it('accepts no steps at all', () => {
    expect(withValues({ 'scalers.vix': [], 'scalers.termStructure': [] }).ok).toBe(true);
  });
});

describe('risk matrix: tiers and symbols', () => {
  it('rejects a tier that caps does not define', () => {
    const result = withValues({ 'tiers.symbols.AAPL': 4, 'tiers.defaultTier': 5 });
    expect(lines(result)).toEqual([
      'tiers.symbols.AAPL: tier 4 is not defined in tiers.caps',
      'tiers.defaultTier: tier 5 is not defined in tiers.caps',
    ]);
  });

  it('rejects tier keys that are not numbers and lower-case symbols', () => {
    const result = withValues({ 'tiers.caps.gold': 10, 'tiers.symbols.aapl': 3, 'betas.gld': 0.1 });
    expect(lines(result)).toEqual([
      'tiers.caps.gold: key must be a tier number ≥ 1',
      'tiers.symbols.aapl: key must be an upper-case symbol, e.g. AAPL',
      'betas.gld: key must be an upper-case symbol, e.g. AAPL',
    ]);
  });

  it('accepts a user beta table', () => {
    const result = withValues({ betas: { GLD: 0.1, 'BRK B': 0.8, VXX: -3 } });
    expect(result.ok && result.matrix.betas).toEqual({ GLD: 0.1, 'BRK B': 0.8, VXX: -3 });
  });
});

describe('risk matrix: YAML syntax', () => {
  it('reports a syntax error with its line and column', () => {
    const text = DEFAULT_TEXT.replace('benchmark: SPX', 'benchmark: SPX: SPY');
    const line = text.split('\n').findIndex((l) => l.startsWith('benchmark:')) + 1;
    expect(errorsOf(parseRiskMatrix(text, 'bad.yaml'))).toEqual([
      {
        path: `line ${line}, column 12`,
        message: 'Nested mappings are not allowed in compact mappings',
      },
    ]);
  });

  it('reports an unclosed flow mapping and a duplicate key by line', () => {
    const unclosed = 'version: 1\nregimes:\n  thresholds: { a: 1\nlimits: 2\n';
    expect(errorsOf(parseRiskMatrix(unclosed, 'bad.yaml'))[0]?.path).toBe('line 4, column 1');
    expect(errorsOf(parseRiskMatrix('version: 1\nversion: 1\n', 'dup.yaml'))).toEqual([
      { path: 'line 2, column 1', message: 'Map keys must be unique' },
    ]);
  });
});

describe('risk matrix: several problems at once', () => {
  it('lists every problem of a file, not just the first', () => {
    const result = variant((doc) => {
      doc.setIn(['limits', 'neutral', 'shortVega', 'pctNlv'], -2);
      doc.setIn(['limits', 'neutral', 'typo'], 1);
      doc.setIn(['scalers', 'enabled'], 'on');
      doc.deleteIn(['guardrails', 'marginCushionMin']);
      doc.setIn(['regimes', 'thresholds', 'highVolatility', 'vixAbove'], 40);
      doc.setIn(['scalers', 'vix', 1, 'factor'], 2);
      doc.setIn(['tiers', 'symbols', 'NVDA'], 7);
      doc.setIn(['benchmark'], 'NDX');
    });
    expect(lines(result)).toEqual([
      'benchmark: must be one of SPX, SPY, ES, got "NDX"',
      'limits.neutral.shortVega.pctNlv: must be ≥ 0',
      'limits.neutral.typo: unknown key',
      'scalers.enabled: must be true or false, got "on"',
      'scalers.vix[1].factor: must be > 0 and ≤ 1 (a factor tightens a limit; 1 = unchanged)',
      'guardrails.marginCushionMin: is required',
      'regimes.thresholds.highVolatility.vixAbove: must be below regimes.thresholds.crisis.vixAbove (35)',
      'tiers.symbols.NVDA: tier 7 is not defined in tiers.caps',
    ]);
  });
});
