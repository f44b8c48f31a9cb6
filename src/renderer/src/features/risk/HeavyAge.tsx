import { StaleTag } from '../../components/StaleTag';
import { ageOf } from '../../stores/clock';
import { useBulwark } from '../../stores/store';
import { heavyMark } from './heavy';

/** Age of the heavy results from their own input time, with a stale tag when they lag the book. */
export function HeavyAge() {
  const heavy = useBulwark((s) => s.risk.frame?.heavy ?? null);
  // Re-renders on every clock tick: the age counts up while nothing new is computed.
  const ageMs = useBulwark((s) => ageOf(heavy?.inputTime ?? null, s.clock));
  const m = heavyMark(heavy, ageMs);
  return (
    <span className={m.stale ? 'heavy-age is-stale' : 'heavy-age'} title={m.title}>
      {m.stale && !m.computing ? <StaleTag title={m.title} /> : null}
      {m.text}
    </span>
  );
}
