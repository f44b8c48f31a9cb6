/**
 * The line above the risk columns (pure): an engine failure first — loud, with its reason — then
 * why the figures are not live. Null while everything is live.
 */
import type { RiskFrame } from '@shared/domain/risk';

export type RiskNotice =
  { kind: 'failure'; title: string; text: string } | { kind: 'stale'; text: string };

export function riskNotice(
  frame: Pick<RiskFrame, 'failure' | 'stale' | 'staleReason'> | null,
  staleReason: string | null,
): RiskNotice | null {
  if (frame?.failure != null) {
    return {
      kind: 'failure',
      title: 'Risk engine failed',
      text: `${frame.failure}. Every light is grey; the figures below are the last ones computed and are not live.`,
    };
  }
  if (staleReason === null) return null;
  const text = frame?.stale
    ? `Risk inputs stale: ${frame.staleReason ?? 'no reason given'}`
    : `Risk not live: ${staleReason}`;
  return { kind: 'stale', text: `${text}. Lights are grey until fresh inputs arrive.` };
}
