import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MATRIX_PATH,
  defaultMatrixPath,
  formatMatrixErrors,
  loadRiskMatrix,
  parseRiskMatrix,
} from '../../../../src/main/risk/matrix/load';
import { DEFAULT_TEXT, defaultMatrix, errorsOf } from './fixtures';

describe('the default risk matrix', () => {
  it('is found by walking up to resources/ and loads without errors', () => {
    expect(DEFAULT_MATRIX_PATH).toMatch(/resources[/\\]risk-matrix\.default\.yaml$/);
    const result = loadRiskMatrix(DEFAULT_MATRIX_PATH);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('matches the regimes table of the domain notes', () => {
    const m = defaultMatrix();
    expect(m.version).toBe(1);
    expect(m.benchmark).toBe('SPX');
    expect(m.regimes.thresholds).toEqual({
      lowVolatility: { vixBelow: 15, termRatioAbove: 1.1 },
      highVolatility: { vixAbove: 22 },
      crisis: { vixAbove: 35, vvixAbove: 150 },
    });
    const row = (r: keyof typeof m.limits) => {
      const l = m.limits[r];
      return [
        l.betaDelta?.pctNlv ?? null,
        l.shortVega?.pctNlv ?? null,
        l.minTheta?.pctNlv ?? null,
        l.gamma?.pctNlv ?? null,
        l.maxUnderlyingVegaSharePct,
        l.maxContracts,
      ];
    };
    expect(row('low_volatility')).toEqual([1.8, 3.0, 0.072, 0.105, 70, 100]);
    expect(row('neutral')).toEqual([1.2, 4.8, 0.12, 0.14, 60, 50]);
    expect(row('high_volatility')).toEqual([0.3, 6.0, 0.24, 0.06, 50, 20]);
    expect(row('crisis')).toEqual([0, 0, null, 0.04, 40, 10]);
    expect(m.limits.low_volatility.betaDelta).toEqual({ pctNlv: 1.8, absolute: 4500 });
  });

  it('matches the scalers and guardrails of the domain notes', () => {
    const m = defaultMatrix();
    expect(m.scalers.vix.map((s) => [s.atOrAbove, s.factor])).toEqual([
      [20, 0.85],
      [25, 0.7],
      [30, 0.5],
      [35, 0.25],
    ]);
    expect(m.scalers.termStructure.map((s) => [s.below, s.factor])).toEqual([
      [0.95, 0.8],
      [0.9, 0.6],
      [0.85, 0.4],
    ]);
    expect(m.scalers.appliesTo).toEqual(['betaDelta', 'shortVega', 'gamma']);
    expect(m.guardrails).toEqual({
      marginCushionMin: 0.2,
      dailyDrawdownPct: 3,
      thetaVegaRatio: { redBelow: 0.2, greenLow: 0.25, greenHigh: 0.4, redAbove: 0.5 },
      expiry: { warningDte: 5, criticalDte: 2 },
      gammaNearExpiry: { maxDte: 7, threshold: 5 },
      maxBetaDeltaSharePct: 60,
      lights: { yellowAtPct: 80, redAbovePct: 100 },
    });
    expect(m.tiers.caps).toEqual({ '1': 100, '2': 50, '3': 30 });
    expect(m.tiers.symbols.AAPL).toBe(3);
    expect(m.tiers.defaultTier).toBe(3);
    expect(m.tiers.bufferPct).toBe(5);
    expect(m.betas).toEqual({});
    expect(m.scenarios).toEqual({
      movesPct: { from: -20, to: 20, step: 1 },
      volShiftsPts: [-10, -5, 0, 5, 10],
    });
    expect(m.var).toEqual({ paths: 10000, seed: 7 });
    expect(m.pricing.rate).toBe(0.045);
    expect(m.pricing.dividendYields.SPX).toBe(0.013);
  });
});

describe('finding and reading matrix files', () => {
  it('finds resources/ from a folder several levels below it (as from out/main)', () => {
    const root = mkdtempSync(join(tmpdir(), 'bulwark-matrix-'));
    mkdirSync(join(root, 'resources'));
    writeFileSync(join(root, 'resources', 'risk-matrix.default.yaml'), DEFAULT_TEXT);
    const deep = join(root, 'out', 'main', 'chunks');
    mkdirSync(deep, { recursive: true });
    expect(defaultMatrixPath(deep)).toBe(join(root, 'resources', 'risk-matrix.default.yaml'));
  });

  it('throws, naming the file, when no folder above has it', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'bulwark-nomatrix-'));
    expect(() => defaultMatrixPath(lonely)).toThrow(/risk-matrix\.default\.yaml not found/);
  });

  it('reports a file it cannot read instead of falling back to defaults', () => {
    const missing = join(tmpdir(), 'no-such-dir-bulwark', 'matrix.yaml');
    const errors = errorsOf(loadRiskMatrix(missing));
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe('(file)');
    expect(errors[0]?.message).toContain(`cannot read ${missing}`);
  });

  it('reads a complete user file from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulwark-user-'));
    const file = join(dir, 'matrix.yaml');
    writeFileSync(file, DEFAULT_TEXT.replace('benchmark: SPX', 'benchmark: SPY'));
    const result = loadRiskMatrix(file);
    expect(result.ok && result.matrix.benchmark).toBe('SPY');
  });

  it('rejects a partial file: nothing is merged over the defaults', () => {
    const result = parseRiskMatrix('version: 1\nbenchmark: SPX\n', 'partial.yaml');
    expect(errorsOf(result).map((e) => e.path)).toEqual([
      'regimes',
      'limits',
      'scalers',
      'guardrails',
      'tiers',
      'betas',
      'scenarios',
      'var',
      'pricing',
    ]);
    expect(new Set(errorsOf(result).map((e) => e.message))).toEqual(new Set(['is required']));
  });

  it('rejects an empty file', () => {
    expect(errorsOf(parseRiskMatrix('', 'empty.yaml'))).toEqual([
      { path: '(root)', message: 'the file is empty' },
    ]);
  });

  it('formats errors one per line as path: message', () => {
    expect(
      formatMatrixErrors([
        { path: 'a.b', message: 'must be ≥ 0' },
        { path: 'c', message: 'is required' },
      ]),
    ).toBe('a.b: must be ≥ 0\nc: is required');
  });
});
