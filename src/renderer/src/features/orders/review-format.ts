/** How a review reads (pure): which lights changed, where the margin figure came from. */
import type { GateFinding, LightChange, Review } from '@shared/domain/order-ticket';

/** Lights whose colour the trade changes, then the rest, each in the review's order. */
export function splitLights(lights: readonly LightChange[]): {
  changed: LightChange[];
  unchanged: LightChange[];
} {
  const changed = lights.filter((l) => l.before !== l.after);
  const unchanged = lights.filter((l) => l.before === l.after);
  return { changed, unchanged };
}

export function whatIfSourceLabel(source: Review['whatIfSource']): string {
  if (source === 'broker') return 'broker what-if';
  if (source === 'local') return 'local margin model';
  return 'no margin estimate';
}

/** `key=value` pairs, in the order the check gave them. */
export function detailsText(details: GateFinding['details'] | undefined): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

export const LIGHT_WORD: Record<string, string> = {
  green: 'green',
  yellow: 'amber',
  red: 'red',
  stale: 'grey (stale)',
};

export function hasDuplicateDenial(r: Review | null): boolean {
  return r?.denials.some((d) => d.code === 'DUPLICATE_ORDER') ?? false;
}
