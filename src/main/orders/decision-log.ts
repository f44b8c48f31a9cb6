/**
 * Every gate decision of the session, in memory: each review (allowed, warned or denied, with
 * every check's outcome) and each submit (sent, or refused at the re-check, with why). The
 * journal subscribes to `changes` and keeps them for good; until then the newest stay here.
 */
import type { CheckOutcome, GateFinding, Review } from '@shared/domain/order-ticket';
import type { OrderRequest } from '@shared/domain/orders';
import { Emitter } from '@shared/util/emitter';
import type { GateResult } from './gate/pipeline';

export interface GateDecision {
  /** review: orders.preview ran the whole gate; submit: orders.submit re-ran the fast checks. */
  stage: 'review' | 'submit';
  time: number;
  clientRef: string;
  decision: Review['decision'];
  denials: GateFinding[];
  warnings: GateFinding[];
  checks: CheckOutcome[];
  order: OrderRequest;
  strategy: string | null;
  rationale: string | null;
  /** The broker's order id once sent (submit stage only). */
  orderId: number | null;
}

export const DECISIONS_KEPT = 2_000;

/** One gate run on one reviewed order, as the log keeps it. */
export function gateDecision(
  stage: GateDecision['stage'],
  time: number,
  review: Pick<Review, 'clientRef' | 'strategy' | 'rationale'>,
  order: OrderRequest,
  gate: GateResult,
  orderId: number | null = null,
): GateDecision {
  return {
    stage,
    time,
    clientRef: review.clientRef,
    decision: gate.decision,
    denials: gate.denials,
    warnings: gate.warnings,
    checks: gate.checks,
    order,
    strategy: review.strategy,
    rationale: review.rationale,
    orderId,
  };
}

export class DecisionLog {
  readonly changes = new Emitter<{ decision: GateDecision }>();
  private readonly kept: GateDecision[] = [];

  constructor(private readonly limit = DECISIONS_KEPT) {}

  record(d: GateDecision): void {
    this.kept.push(d);
    if (this.kept.length > this.limit) this.kept.splice(0, this.kept.length - this.limit);
    this.changes.emit('decision', d);
  }

  /** Oldest first; at most the last `limit` decisions. */
  recent(): readonly GateDecision[] {
    return this.kept;
  }
}
