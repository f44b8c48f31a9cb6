import { describe, expect, it } from 'vitest';
import type { Instrument } from '@shared/domain/instrument';
import type { ContractQuery } from '../../../src/main/broker/port';
import { ChainContracts, type OptionLineQuery } from '../../../src/main/market/chain-contracts';
import { inst } from '../../fakes/instruments';

/** A broker whose lookups answer when the test says so, counting what was asked. */
class SlowLookups {
  readonly asked: ContractQuery[] = [];
  private readonly pending: Array<() => void> = [];
  inFlight = 0;
  maxInFlight = 0;
  failNext: Error | null = null;
  /** Strikes the broker lists; anything else is "no such contract". */
  listed = new Set([100, 105, 110, 115, 120]);

  lookupContract(q: ContractQuery): Promise<Instrument[]> {
    this.asked.push(q);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const fail = this.failNext;
    this.failNext = null;
    return new Promise((resolve, reject) => {
      this.pending.push(() => {
        this.inFlight--;
        if (fail) return reject(fail);
        const found =
          q.strike !== undefined && this.listed.has(q.strike)
            ? [inst({ ...q, secType: 'OPT' })]
            : [];
        resolve(found);
      });
    });
  }

  /** Answers everything asked so far, and what that lets through, until nothing is left. */
  async answerAll(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const next = this.pending.shift();
      if (next) next();
      await new Promise((r) => setImmediate(r));
      if (this.pending.length === 0 && this.inFlight === 0) return;
    }
  }
}

const line = (strike: number, right: 'C' | 'P' = 'C'): OptionLineQuery => ({
  symbol: 'SPY',
  secType: 'OPT',
  expiry: '2026-12-18',
  strike,
  right,
});

describe('chain contracts', () => {
  it('looks up at most `concurrency` contracts at a time', async () => {
    const broker = new SlowLookups();
    const contracts = new ChainContracts(broker, () => 0, { concurrency: 3 });
    const done = contracts.lines([100, 105, 110, 115, 120].flatMap((k) => [line(k), line(k, 'P')]));
    await new Promise((r) => setImmediate(r));
    expect(broker.inFlight).toBe(3);
    await broker.answerAll();
    const { lines, failures } = await done;
    expect(broker.maxInFlight).toBe(3);
    expect(broker.asked).toHaveLength(10);
    expect(failures).toEqual([]);
    expect([...lines.values()].every((i) => i !== null)).toBe(true);
  });

  it('asks once per key, even when the same line is asked for twice at once, then remembers it', async () => {
    const broker = new SlowLookups();
    const contracts = new ChainContracts(broker, () => 0);
    const a = contracts.lines([line(100)]);
    const b = contracts.lines([line(100)]);
    await broker.answerAll();
    const [ra, rb] = await Promise.all([a, b]);
    expect(broker.asked).toHaveLength(1);
    expect(ra.lines.get('OPT:SPY:2026-12-18:C:100')).toBe(rb.lines.get('OPT:SPY:2026-12-18:C:100'));
    await contracts.lines([line(100)]);
    expect(broker.asked).toHaveLength(1);
  });

  it('believes "no such contract" for a while, then asks again', async () => {
    const broker = new SlowLookups();
    let now = 0;
    const contracts = new ChainContracts(broker, () => now, { missMs: 1_000 });
    const first = contracts.lines([line(101)]);
    await broker.answerAll();
    expect((await first).lines.get('OPT:SPY:2026-12-18:C:101')).toBeNull();
    await contracts.lines([line(101)]);
    expect(broker.asked).toHaveLength(1);
    now = 1_001;
    const again = contracts.lines([line(101)]);
    await broker.answerAll();
    await again;
    expect(broker.asked).toHaveLength(2);
  });

  it('reports a failed lookup without remembering it, so the next request retries', async () => {
    const broker = new SlowLookups();
    const contracts = new ChainContracts(broker, () => 0);
    broker.failNext = new Error('contract lookup for SPY: no answer from TWS within 30 s');
    const first = contracts.lines([line(100)]);
    await broker.answerAll();
    const r = await first;
    expect(r.failures).toHaveLength(1);
    expect(r.lines.get('OPT:SPY:2026-12-18:C:100')).toBeNull();
    const second = contracts.lines([line(100)]);
    await broker.answerAll();
    expect((await second).lines.get('OPT:SPY:2026-12-18:C:100')).not.toBeNull();
    expect(broker.asked).toHaveLength(2);
  });

  it('forgets the oldest contracts beyond its bound', async () => {
    const broker = new SlowLookups();
    const contracts = new ChainContracts(broker, () => 0, { maxEntries: 4 });
    const done = contracts.lines([100, 105, 110].flatMap((k) => [line(k), line(k, 'P')]));
    await broker.answerAll();
    await done;
    expect(contracts.size()).toBe(4);
  });
});
