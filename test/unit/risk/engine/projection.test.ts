import { describe, expect, it } from 'vitest';
import { modelPricer } from '../../../../src/main/risk/engine/model-pricer';
import { evaluateBook } from '../../../../src/main/risk/engine/frame';
import { combine, projectTrade } from '../../../../src/main/risk/engine/projection';
import { regimeAt } from '../../../../src/main/risk/engine/matrix-config';
import { book, esFutureLine, line, underlying } from './book-fixture';
import { config, defaultMatrix } from './config-fixture';

const pricer = modelPricer();
const under = [underlying('SPX', 5900, 1, 0.013), underlying('ES', 5915, 1, 0, 'index')];
const spxPut = line({
  id: 'put',
  underlying: 'SPX',
  secType: 'OPT',
  quantity: -1,
  option: { right: 'P', strike: 5800, exercise: 'european' },
  expiry: '2026-12-18',
  price: 59.01,
  underlyingPrice: 5900,
});
const esFuture = esFutureLine;
const current = book([spxPut], under);
const regime = regimeAt(defaultMatrix(), current.market, current.valuationTime);

describe('pre-trade projection', () => {
  it('adds a leg on a held contract to its quantity and drops a position closed to zero', () => {
    const more = combine(current, [{ ...spxPut, quantity: -2 }]);
    expect(more.positions.find((p) => p.id === 'put')!.quantity).toBe(-3);
    expect(combine(current, [{ ...spxPut, quantity: 1 }]).positions).toHaveLength(0);
    expect(current.positions[0]!.quantity).toBe(-1); // the book itself is untouched
  });

  it('refuses a trade that breaches a limit, naming it', () => {
    const p = projectTrade(current, [esFuture(3)], config(), regime, pricer);
    const codes = p.violations.map((v) => v.code);
    expect(codes).toContain('BETA_DELTA');
    const beta = p.violations.find((v) => v.code === 'BETA_DELTA')!;
    expect(beta.kind).toBe('new');
    expect(beta.after.light).toBe('red');
    expect(beta.message).toMatch(/benchmark shares of β-delta/);
  });

  it('passes a trade that reduces risk', () => {
    const hedged = book([spxPut, esFuture(3)], under);
    const p = projectTrade(hedged, [esFuture(-3)], config(), regime, pricer);
    expect(p.violations.filter((v) => v.code === 'BETA_DELTA')).toEqual([]);
  });

  it('flags a red limit the trade makes worse', () => {
    const red = book([spxPut, esFuture(3)], under);
    const p = projectTrade(red, [esFuture(1)], config(), regime, pricer);
    expect(p.violations.find((v) => v.code === 'BETA_DELTA')?.kind).toBe('worse');
  });

  it('fails closed: a trade on stale data is a violation on every check', () => {
    const stale = book([spxPut], under, { staleReason: 'broker down: socket closed' });
    const p = projectTrade(stale, [esFuture(-1)], config(), regime, pricer);
    expect(p.violations.length).toBe(p.projected.lights.length);
    expect(p.violations.every((v) => v.kind === 'stale')).toBe(true);
  });

  it('prices only the touched lines again, yet projects exactly what a full evaluation gives', () => {
    const call = line({
      id: 'call',
      underlying: 'SPX',
      secType: 'OPT',
      quantity: -2,
      option: { right: 'C', strike: 6100, exercise: 'european' },
      expiry: '2026-12-18',
      price: 17.2,
      underlyingPrice: 5900,
    });
    const held = book([spxPut, call, esFuture(1)], under);
    const legs = [{ ...spxPut, quantity: -1 }, esFuture(-1), { ...call, id: 'call2', quantity: 1 }];
    const p = projectTrade(held, legs, config(), regime, pricer);
    const full = evaluateBook(combine(held, legs), config(), regime, pricer);
    expect(p.projected).toEqual(full.frame);
    expect(p.current).toEqual(evaluateBook(held, config(), regime, pricer).frame);
  });
});
