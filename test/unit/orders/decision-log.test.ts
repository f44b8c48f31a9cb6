import { describe, expect, it } from 'vitest';
import { DecisionLog, type GateDecision } from '../../../src/main/orders/decision-log';

function decision(n: number): GateDecision {
  return {
    stage: 'review',
    time: n,
    clientRef: `BW-${n}`,
    decision: n % 2 === 0 ? 'allowed' : 'denied',
    denials: [],
    warnings: [],
    checks: [],
    order: {
      action: 'BUY',
      quantity: 1,
      orderType: 'LMT',
      limitPrice: 1,
      tif: 'DAY',
      legs: [],
    },
    strategy: null,
    rationale: null,
    orderId: null,
  };
}

describe('DecisionLog', () => {
  it('keeps decisions oldest first and tells subscribers about each one', () => {
    const log = new DecisionLog();
    const seen: string[] = [];
    log.changes.on('decision', (d) => seen.push(d.clientRef));
    log.record(decision(1));
    log.record(decision(2));
    expect(log.recent().map((d) => d.clientRef)).toEqual(['BW-1', 'BW-2']);
    expect(seen).toEqual(['BW-1', 'BW-2']);
  });

  it('drops the oldest beyond its limit, never the newest', () => {
    const log = new DecisionLog(3);
    for (let n = 1; n <= 5; n++) log.record(decision(n));
    expect(log.recent().map((d) => d.time)).toEqual([3, 4, 5]);
  });
});
