import { fmtAge } from '../../format/time';
import { useAgeText } from '../../stores/selectors';
import { StaleTag } from '../../components/StaleTag';

interface Props {
  time: number | null;
  stale: boolean;
  /** Why it is stale, for the tooltip ("price older than 10s", "broker down"). */
  why: string;
}

/** Age of the row's oldest value, counting up every second, with the stale marker. */
export function AgeCell({ time, stale, why }: Props) {
  const age = useAgeText(time, fmtAge);
  return (
    <td
      className={stale ? 'c-age num stale' : 'c-age num'}
      title={stale ? `${age} old — stale: ${why}` : `${age} old`}
    >
      {stale ? <StaleTag title={`Stale: ${why}`} /> : null}
      <span className="age-text">{age}</span>
    </td>
  );
}
