/**
 * Market-data lines on TWS: one reqMktData per instrument, ticks assembled into Quote and
 * OptionModel events, explicit cancel, and re-request of every line after a reconnect or a
 * 1101 (TWS lost the subscriptions). Request ids are fresh for every session.
 */
import { EventName, type IBApi } from '@stoqey/ib';
import type { Instrument } from '@shared/domain/instrument';
import type { OptionModel, Quote } from '@shared/domain/market';
import { contractOf } from './contracts';
import { MODEL_TICKS, optionModelOf, TickAssembler } from './ticks';

interface Line {
  inst: Instrument;
  assembler: TickAssembler;
  reqId: number | null;
  /** Over the line budget: wanted, but not requested until a line frees up. */
  waiting: boolean;
}

/** TWS's default market-data line allowance. */
export const DEFAULT_MAX_LINES = 100;

export interface MarketDataSink {
  quote(q: Quote): void;
  optionModel(m: OptionModel): void;
  /** A line TWS refused (no permission, unknown contract…), in plain words. */
  refused(key: string, code: number, message: string): void;
}

export interface LineBudget {
  maxLines: number;
  /** Lines for held positions come first; others give way when the budget is tight. */
  isPriority(key: string): boolean;
}

export class MarketDataLines {
  private readonly lines = new Map<string, Line>();
  private readonly byReqId = new Map<number, Line>();
  private readonly last = new Map<string, Quote>();
  private api: IBApi | null = null;

  constructor(
    private readonly sink: MarketDataSink,
    private readonly nextReqId: () => number,
    private readonly now: () => number,
    private readonly budget: LineBudget = { maxLines: DEFAULT_MAX_LINES, isPriority: () => true },
  ) {}

  /** A new session: listen on it and request every wanted line again. */
  attach(api: IBApi): void {
    this.api = api;
    this.byReqId.clear();
    api.on(EventName.tickPrice, (reqId: number, field: number, value: number) => {
      const line = this.byReqId.get(reqId);
      const q = line?.assembler.price(field, value, this.now());
      if (q) this.publish(q);
    });
    api.on(EventName.tickSize, (reqId: number, field?: number, value?: number) => {
      const line = this.byReqId.get(reqId);
      const q = field === undefined ? null : line?.assembler.size(field, value, this.now());
      if (q) this.publish(q);
    });
    api.on(
      EventName.tickOptionComputation,
      (
        reqId: number,
        field: number,
        _attrib: number | undefined,
        impliedVol?: number,
        delta?: number,
        optPrice?: number,
        _pvDividend?: number,
        gamma?: number,
        vega?: number,
        theta?: number,
        undPrice?: number,
      ) => {
        const line = this.byReqId.get(reqId);
        if (!line || !MODEL_TICKS.has(field)) return;
        const c = { impliedVol, delta, optPrice, gamma, vega, theta, undPrice };
        this.sink.optionModel(optionModelOf(line.inst.key, c, this.now()));
      },
    );
    api.on(EventName.marketDataType, (reqId: number, type: number) => {
      this.byReqId.get(reqId)?.assembler.setDelayed(type === 3 || type === 4);
    });
    api.on(EventName.error, (_err: Error, code: number, reqId: number) => {
      const line = this.byReqId.get(reqId);
      if (!line || code === 10167 || code === 10090) return; // delayed / partial: non-fatal
      this.byReqId.delete(reqId);
      line.reqId = null;
      this.sink.refused(line.inst.key, code, _err.message);
    });
    this.resubscribeAll();
  }

  detach(): void {
    this.api = null;
    this.byReqId.clear();
    for (const line of this.lines.values()) line.reqId = null;
  }

  /** TWS dropped every line (1101): ask again on the same session. */
  resubscribeAll(): void {
    for (const line of this.lines.values()) {
      if (line.reqId !== null) this.byReqId.delete(line.reqId);
      line.reqId = null;
    }
    for (const line of this.byPriority()) if (!line.waiting) this.request(line);
  }

  subscribe(inst: Instrument): () => void {
    let line = this.lines.get(inst.key);
    if (!line) {
      line = { inst, assembler: new TickAssembler(inst.key), reqId: null, waiting: true };
      this.lines.set(inst.key, line);
      this.admit(line);
    }
    const key = inst.key;
    return () => this.unsubscribe(key);
  }

  lastQuote(key: string): Quote | null {
    return this.last.get(key) ?? null;
  }

  keys(): string[] {
    return [...this.lines.keys()];
  }

  /** Keys waiting for a line because the budget is used up. */
  waitingKeys(): string[] {
    return [...this.lines.values()].filter((l) => l.waiting).map((l) => l.inst.key);
  }

  private active(): Line[] {
    return [...this.lines.values()].filter((l) => !l.waiting);
  }

  private byPriority(): Line[] {
    const all = [...this.lines.values()];
    const p = (l: Line) => (this.budget.isPriority(l.inst.key) ? 0 : 1);
    return all.sort((a, b) => p(a) - p(b));
  }

  /** Gives the line a slot: a free one, or one taken from a non-priority line. */
  private admit(line: Line): void {
    const active = this.active();
    if (active.length >= this.budget.maxLines) {
      const victim = this.budget.isPriority(line.inst.key)
        ? active.find((l) => !this.budget.isPriority(l.inst.key))
        : undefined;
      if (!victim) {
        this.sink.refused(
          line.inst.key,
          0,
          `over the market-data line budget (${this.budget.maxLines} lines)`,
        );
        return;
      }
      this.release(victim);
      victim.waiting = true;
    }
    line.waiting = false;
    this.request(line);
  }

  private release(line: Line): void {
    if (line.reqId !== null) {
      this.byReqId.delete(line.reqId);
      this.api?.cancelMktData(line.reqId);
      line.reqId = null;
    }
  }

  private unsubscribe(key: string): void {
    const line = this.lines.get(key);
    if (!line) return;
    this.lines.delete(key);
    this.release(line);
    if (!line.waiting) {
      const next = this.byPriority().find((l) => l.waiting);
      if (next) this.admit(next);
    }
  }

  private request(line: Line): void {
    if (!this.api) return;
    const reqId = this.nextReqId();
    line.reqId = reqId;
    this.byReqId.set(reqId, line);
    this.api.reqMktData(reqId, contractOf(line.inst), '', false, false);
  }

  private publish(q: Quote): void {
    this.last.set(q.key, q);
    this.sink.quote(q);
  }
}
