/** `npm run risk` as a trader runs it: a real process, real files, exit codes and output. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RiskFrameSchema } from '@shared/domain/risk';
import { risk, tmpFile } from './support/risk-cli';

describe('npm run risk', () => {
  it('prints the example book as JSON with every documented field, exit 0', () => {
    const r = risk('resources/examples/book.json', '--json');
    expect(r.code, r.err).toBe(0);
    const frame = RiskFrameSchema.parse(JSON.parse(r.out));
    expect(Object.keys(frame.totals)).toEqual(
      expect.arrayContaining(['delta', 'betaDelta', 'gamma', 'theta', 'vega']),
    );
    expect(frame.regime.name).toBe('neutral');
    expect(frame.lights.length).toBeGreaterThan(8);
    expect(frame.var?.parametric95).toBeGreaterThan(0);
    expect(frame.var?.mc99).toBeGreaterThan(0);
    expect(frame.positions).toHaveLength(10);
    expect(frame.positions!.every((p) => p.greeksSource === 'local')).toBe(true);
    const options = frame.positions!.filter((p) => p.iv !== null);
    expect(options).toHaveLength(7);
    expect(options.every((p) => p.iv! > 0.05 && p.iv! < 0.5)).toBe(true);
  });

  it('prints a readable report by default', () => {
    const r = risk('resources/examples/book.json');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Regime: neutral/);
    expect(r.out).toContain('Beta-weighted delta');
    expect(r.out).toContain('Scenario P&L');
  });

  it('exits 2 and lists every problem by path', () => {
    const bad = tmpFile('bad.json', {
      valuationTime: '2026-11-20T15:00:00',
      rate: 'high',
      market: { underlyings: {} },
      positions: [{ symbol: 'SPX', secType: 'OPT', quantity: -1, extra: true }],
    });
    const r = risk(bad, '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('valuationTime:');
    expect(r.err).toContain('rate: must be a number');
    expect(r.err).toContain('positions[0].extra: unknown key');
  });

  it('lists semantic problems too: missing strike, missing benchmark price', () => {
    const bad = tmpFile('semantic.json', {
      valuationTime: '2026-11-20T15:00:00-05:00',
      rate: 0.04,
      market: { underlyings: { AAPL: { price: 230 } } },
      positions: [
        {
          symbol: 'AAPL',
          secType: 'OPT',
          right: 'P',
          expiry: '2026-12-18',
          quantity: -1,
          price: 2,
        },
      ],
    });
    const r = risk(bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('market.underlyings.SPX: is required');
    expect(r.err).toContain('positions[0].strike: is required for OPT');
  });

  it('projects proposed legs and refuses a trade that breaches a limit', () => {
    const legs = tmpFile('legs.json', [
      { symbol: 'ES', secType: 'FUT', expiry: '2026-12-18', quantity: 3, price: 5915 },
    ]);
    const r = risk('resources/examples/book.json', '--proposed', legs, '--json');
    expect(r.code, r.err).toBe(3);
    const out = JSON.parse(r.out) as {
      projection: { violations: Array<{ code: string; kind: string }> };
    };
    expect(out.projection.violations.map((v) => v.code)).toContain('BETA_DELTA');
  });

  it('a sentinel broker vega falls back to the local model: same totals, reason shown', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../resources/examples/book.json', import.meta.url), 'utf8'),
    ) as {
      positions: Array<Record<string, unknown>>;
    };
    const greeks = { delta: -0.3, gamma: 0.001, theta: -1.9, vega: 1.7976931348623157e308 };
    example.positions[0] = { ...example.positions[0], greeks };
    const withSentinel = risk(tmpFile('sentinel.json', example), '--json');
    const plain = risk('resources/examples/book.json', '--json');
    expect(withSentinel.code, withSentinel.err).toBe(0);
    const a = RiskFrameSchema.parse(JSON.parse(withSentinel.out));
    const b = RiskFrameSchema.parse(JSON.parse(plain.out));
    expect(a.positions![0]).toMatchObject({ greeksSource: 'local' });
    expect(a.positions![0]!.problem).toMatch(/vega .* IB's "unset" value: local model used/);
    expect(a.totals).toEqual(b.totals);
    const vegaLights = a.lights.filter((l) => l.code === 'SHORT_VEGA');
    expect(vegaLights.map((l) => l.light)).toEqual(
      b.lights.filter((l) => l.code === 'SHORT_VEGA').map((l) => l.light),
    );
    expect(risk(tmpFile('sentinel.json', example)).out).toMatch(/local \(broker vega .*unset/);
  });

  it('a broker iv of −1 in a book file falls back for that position instead of refusing the file', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../resources/examples/book.json', import.meta.url), 'utf8'),
    ) as {
      positions: Array<Record<string, unknown>>;
    };
    const greeks = { delta: -0.3, gamma: 0.001, theta: -1.9, vega: 6, iv: -1 };
    example.positions[0] = { ...example.positions[0], greeks };
    const r = risk(tmpFile('iv.json', example), '--json');
    expect(r.code, r.err).toBe(0);
    const frame = RiskFrameSchema.parse(JSON.parse(r.out));
    expect(frame.positions![0]!.greeksSource).toBe('local');
    expect(frame.positions![0]!.problem).toMatch(/iv -1 is not a volatility/);
  });

  it('lists schema and semantic problems in one run, and says what a valuationTime looks like', () => {
    const bad = tmpFile('both.json', {
      valuationTime: '2026-11-20 15:00',
      rate: 'high',
      market: { underlyings: { SPX: { price: 5900 } } },
      positions: [
        { symbol: 'SPX', secType: 'OPT', right: 'P', expiry: '2026-12-18', quantity: -1 },
        { symbol: 'SPX', secType: 'OPT', quantity: -1, extra: true },
      ],
    });
    const r = risk(bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain('rate: must be a number');
    expect(r.err).toContain('positions[1].extra: unknown key');
    expect(r.err).toContain('positions[0].strike: is required for OPT');
    expect(r.err).toMatch(/valuationTime: .*e\.g\. "2026-11-20T15:00:00-05:00"/);
  });

  it('refuses an option that has already expired, naming its settlement', () => {
    const bad = tmpFile('expired.json', {
      valuationTime: '2026-11-20T15:00:00-05:00',
      rate: 0.04,
      market: { underlyings: { SPX: { price: 5900 } } },
      positions: [
        {
          symbol: 'SPX',
          secType: 'OPT',
          right: 'P',
          strike: 5800,
          expiry: '2026-11-19',
          quantity: -1,
          price: 1,
        },
        {
          symbol: 'SPX',
          secType: 'OPT',
          right: 'P',
          strike: 5800,
          expiry: '2026-11-20',
          settlement: 'AM',
          quantity: -1,
          price: 1,
        },
      ],
    });
    const r = risk(bad);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      'positions[0].expiry: 2026-11-19 (PM, 16:00 New York) is not after valuationTime',
    );
    expect(r.err).toContain(
      'positions[1].expiry: 2026-11-20 (AM, 09:30 New York) is not after valuationTime',
    );
  });

  it('an AM-settled SPX monthly has less time and fewer days left than the PM weekly', () => {
    const book = tmpFile('am.json', {
      valuationTime: '2026-12-17T15:00:00-05:00',
      rate: 0.04,
      market: { VIX: 17, underlyings: { SPX: { price: 5900 } } },
      positions: [
        {
          symbol: 'SPX',
          secType: 'OPT',
          right: 'P',
          strike: 5850,
          expiry: '2026-12-18',
          settlement: 'AM',
          quantity: -1,
          iv: 0.15,
        },
        {
          symbol: 'SPX',
          secType: 'OPT',
          right: 'C',
          strike: 5950,
          expiry: '2026-12-18',
          quantity: -1,
          iv: 0.15,
        },
      ],
    });
    const r = risk(book, '--json');
    expect(r.code, r.err).toBe(0);
    const f = RiskFrameSchema.parse(JSON.parse(r.out));
    expect(f.positions!.map((p) => p.dte)).toEqual([0, 1]);
    expect(f.alarms.filter((a) => a.code === 'SHORT_OPTION_EXPIRY').map((a) => a.message)).toEqual([
      expect.stringContaining('5850 P expires in 0 days'),
      expect.stringContaining('5950 C expires in 1 day'),
    ]);
  });

  it('exits 2 on unreadable files and non-JSON', () => {
    expect(risk('does/not/exist.json').code).toBe(2);
    expect(risk(tmpFile('x.json', '{ nope')).err).toContain('not valid JSON');
  });
});
