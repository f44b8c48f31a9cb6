/** The order gate's verdict on the proposed legs, as `npm run risk` prints it. */
import type { OfflineReview } from '../../orders/offline-review';

const money = (x: number) =>
  `${x < 0 ? '−' : ''}$${Math.abs(Math.round(x)).toLocaleString('en-US')}`;

function details(d: Record<string, string | number | boolean>): string {
  const parts = Object.entries(d).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? `  (${parts.join(' ')})` : '';
}

export function formatGate(r: OfflineReview): string {
  const o = r.order;
  const legs = o.legs.map((l) => `${l.action} ${l.ratio} ${l.instrument.description}`).join(', ');
  const lines = [
    '',
    `Order gate: ${r.decision.toUpperCase()}`,
    `  ${o.action} ${o.quantity} × [${legs}] LMT ${o.limitPrice} (the legs' mid)`,
    `  Margin (local model): maintenance ${money(r.margin.maintMarginChange)}, initial ${money(r.margin.initMarginChange)}`,
  ];
  for (const d of r.denials) lines.push(`  DENIED  ${d.code}  ${d.message}${details(d.details)}`);
  for (const w of r.warnings) lines.push(`  WARNING ${w.code}  ${w.message}${details(w.details)}`);
  lines.push('  Checks:');
  for (const c of r.checks) lines.push(`    ${c.outcome.padEnd(4)}  ${c.check}: ${c.message}`);
  return lines.join('\n');
}
