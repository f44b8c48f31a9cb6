/**
 * Faults the fake TWS can inject on purpose, called by tests through FakeTws:
 *
 * - rejectNextOrder(reason): the next placeOrder is refused (orderStatus Inactive + error 201)
 *   and never reaches the simulator.
 * - duplicateOrderStatus(on): every orderStatus and openOrder goes out twice, as TWS really does
 *   (stoqey/ib #239).
 * - delayMessages(ms): every server message is held for ms before it is written, order kept.
 * - pacingLimit(perSecond): more client messages than that within a rolling second draw error
 *   100 (at most once a second per connection).
 * - ignoreRequests(ids): client messages with these ids are read and recorded but never
 *   answered, as a TWS that loses a request does — for the client's own deadlines.
 *
 * The peak rate each connection reached is recorded whether or not a limit is set, so a test
 * can assert that a client never went over TWS's 50 messages a second. Delays and rates are in
 * real time: the socket I/O is real even when the simulator runs on a fake clock.
 */
import { performance } from 'node:perf_hooks';
import { encodeMessage, type Field } from './wire';

/** TWS's documented limit on client messages per second. */
export const TWS_MAX_MESSAGES_PER_SECOND = 50;

const ORDER_STATUS = '3';
const OPEN_ORDER = '5';
const WINDOW_MS = 1000;

interface Outbox {
  queue: Array<{ at: number; data: Buffer }>;
  timer: NodeJS.Timeout | null;
  write: (data: Buffer) => void;
}

interface Inbox {
  arrivals: number[];
  lastWarning: number;
}

export class TwsFaults {
  /** The most client messages any one connection sent within a rolling second. */
  peakMessagesPerSecond = 0;
  private readonly rejections: string[] = [];
  private duplicate = false;
  private delayMs = 0;
  private limit: number | null = null;
  private ignored = new Set<string>();
  private readonly outboxes = new Map<object, Outbox>();
  private readonly inboxes = new Map<object, Inbox>();

  rejectNextOrder(reason: string): void {
    this.rejections.push(reason);
  }

  /** The reason to refuse the order being placed now, if a rejection is queued. */
  takeOrderRejection(): string | null {
    return this.rejections.shift() ?? null;
  }

  duplicateOrderStatus(on: boolean): void {
    this.duplicate = on;
  }

  delayMessages(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`delay must be 0 ms or more (got ${ms})`);
    this.delayMs = ms;
  }

  /** Leaves client messages with these ids unanswered; an empty list answers all again. */
  ignoreRequests(messageIds: readonly string[]): void {
    this.ignored = new Set(messageIds);
  }

  ignores(messageId: string): boolean {
    return this.ignored.has(messageId);
  }

  /** null switches the limit off (the peak is still recorded). */
  pacingLimit(perSecond: number | null = TWS_MAX_MESSAGES_PER_SECOND): void {
    if (perSecond !== null && !(perSecond > 0)) {
      throw new RangeError(`pacing limit must be above 0 (got ${perSecond})`);
    }
    this.limit = perSecond;
  }

  /** Writes one server message to a connection, applying duplication and delay. */
  send(conn: object, fields: readonly Field[], write: (data: Buffer) => void): void {
    const data = encodeMessage(fields);
    const id = String(fields[0]);
    const copies = this.duplicate && (id === ORDER_STATUS || id === OPEN_ORDER) ? 2 : 1;
    let box = this.outboxes.get(conn);
    if (this.delayMs === 0 && (!box || box.queue.length === 0)) {
      for (let i = 0; i < copies; i++) write(data);
      return;
    }
    if (!box) {
      box = { queue: [], timer: null, write };
      this.outboxes.set(conn, box);
    }
    // Never before a message queued earlier: a shorter delay set later must not overtake it.
    const at = Math.max(performance.now() + this.delayMs, box.queue.at(-1)?.at ?? 0);
    for (let i = 0; i < copies; i++) box.queue.push({ at, data });
    this.schedule(box);
  }

  /**
   * Counts a client message on a connection; returns the text of error 100 when it goes over
   * the limit (once per rolling second), else null.
   */
  received(conn: object): string | null {
    const now = performance.now();
    let box = this.inboxes.get(conn);
    if (!box) {
      box = { arrivals: [], lastWarning: -Infinity };
      this.inboxes.set(conn, box);
    }
    box.arrivals.push(now);
    while (box.arrivals.length > 0 && box.arrivals[0]! <= now - WINDOW_MS) box.arrivals.shift();
    const rate = box.arrivals.length;
    this.peakMessagesPerSecond = Math.max(this.peakMessagesPerSecond, rate);
    if (this.limit === null || rate <= this.limit || now - box.lastWarning < WINDOW_MS) return null;
    box.lastWarning = now;
    return `Max rate of messages per second has been exceeded:max=${this.limit} rec=${rate}`;
  }

  /** Drops what is held for a closed connection. */
  forget(conn: object): void {
    const box = this.outboxes.get(conn);
    if (box?.timer) clearTimeout(box.timer);
    this.outboxes.delete(conn);
    this.inboxes.delete(conn);
  }

  private schedule(box: Outbox): void {
    if (box.timer !== null) return;
    const next = box.queue[0];
    if (!next) return;
    box.timer = setTimeout(
      () => {
        box.timer = null;
        const now = performance.now();
        while (box.queue.length > 0 && box.queue[0]!.at <= now) box.write(box.queue.shift()!.data);
        this.schedule(box);
      },
      Math.max(0, next.at - performance.now()),
    );
  }
}
