/**
 * The gate's review of the ticket: what stops it (role=alert, with each denial's code, words and
 * details), what to know (warnings, not an alert), the margin change, the cushion, the book's
 * lights before → after (changed ones first), and every check's outcome.
 */
import type { ApiError } from '@shared/api/errors';
import type { CheckOutcome, GateFinding, LightChange, Review } from '@shared/domain/order-ticket';
import { DASH, fmtPercent, fmtUsd } from '../../format/numbers';
import {
  detailsText,
  hasDuplicateDenial,
  LIGHT_WORD,
  splitLights,
  whatIfSourceLabel,
} from './review-format';

function Finding({ f }: { f: GateFinding }) {
  const details = detailsText(f.details);
  return (
    <li className="gate-finding">
      <span className="gate-code">{f.code}</span> <span>{f.message}</span>
      {details ? <span className="gate-details"> {details}</span> : null}
    </li>
  );
}

/** Denials of the latest review and the last coded error; nothing when there are none. */
export function GateAlert(props: {
  review: Review | null;
  error: ApiError | null;
  onSendAgain: () => void;
  busy: boolean;
}) {
  const { review, error } = props;
  const denials = review?.denials ?? [];
  if (denials.length === 0 && !error) return null;
  return (
    <div className="gate-alert" role="alert">
      {denials.length > 0 ? (
        <>
          <p className="gate-title">Denied: this order cannot be sent</p>
          <ul className="gate-list">
            {denials.map((d, i) => (
              <Finding key={`${d.code}${i}`} f={d} />
            ))}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="gate-error">
          <span className="gate-code">{error.code}</span> {error.message}
          {error.details ? (
            <span className="gate-details"> {detailsText(error.details)}</span>
          ) : null}
        </p>
      ) : null}
      {hasDuplicateDenial(review) ? (
        <button type="button" className="btn" disabled={props.busy} onClick={props.onSendAgain}>
          Send again anyway
        </button>
      ) : null}
    </div>
  );
}

function LightLine({ l }: { l: LightChange }) {
  const util = (v: number | null) => (v === null ? DASH : fmtPercent(v, 0));
  return (
    <li className="tk-light" title={l.explanation}>
      <span className="tk-light-name">{l.name}</span>
      <span className={`tk-dot tk-dot-${l.before ?? 'none'}`} aria-hidden="true" />
      <span>{l.before ? LIGHT_WORD[l.before] : 'none'}</span>
      <span aria-hidden="true">→</span>
      <span className="sr-only">to</span>
      <span className={`tk-dot tk-dot-${l.after}`} aria-hidden="true" />
      <span>{LIGHT_WORD[l.after]}</span>
      <span className="tk-light-util num">
        {util(l.beforeUtilization)} → {util(l.afterUtilization)}
      </span>
    </li>
  );
}

function Lights({ lights }: { lights: readonly LightChange[] }) {
  const { changed } = splitLights(lights);
  return (
    <div className="tk-lights">
      <h4 className="tk-h4">Lights before → after</h4>
      {changed.length > 0 ? (
        <ul className="tk-light-list" aria-label="Lights the trade changes">
          {changed.map((l) => (
            <LightLine key={l.code} l={l} />
          ))}
        </ul>
      ) : (
        <p className="tk-hint">No light changes colour.</p>
      )}
      <details>
        <summary>All {lights.length} lights</summary>
        <ul className="tk-light-list" aria-label="All lights">
          {lights.map((l) => (
            <LightLine key={l.code} l={l} />
          ))}
        </ul>
      </details>
    </div>
  );
}

function Checks({ checks }: { checks: readonly CheckOutcome[] }) {
  return (
    <details className="tk-checks">
      <summary>
        Checks ({checks.filter((c) => c.outcome === 'pass').length}/{checks.length} passed)
      </summary>
      <ol className="tk-check-list">
        {checks.map((c, i) => (
          <li key={`${c.check}${i}`} className={`check-${c.outcome}`}>
            <span className="tk-check-outcome">{c.outcome}</span>{' '}
            <span className="tk-check-name">{c.check}</span>
            {c.code ? <span className="gate-code"> {c.code}</span> : null} {c.message}
            {Object.keys(c.details).length > 0 ? (
              <span className="gate-details"> {detailsText(c.details)}</span>
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

function Margin({ review }: { review: Review }) {
  const w = review.whatIf;
  const c = review.cushion;
  const low = c.after !== null && c.after < c.min;
  return (
    <dl className="tk-figures tk-margin" aria-label="Margin">
      <div className="tk-figure">
        <dt>Init margin change ({whatIfSourceLabel(review.whatIfSource)})</dt>
        <dd className="num">{w ? fmtUsd(w.initMarginChange) : DASH}</dd>
      </div>
      <div className="tk-figure">
        <dt>Maint margin change</dt>
        <dd className="num">{w ? fmtUsd(w.maintMarginChange) : DASH}</dd>
      </div>
      <div className="tk-figure">
        <dt>Commission</dt>
        <dd className="num">{w && w.commission !== null ? fmtUsd(w.commission, 2) : DASH}</dd>
      </div>
      <div className={`tk-figure${low ? ' tk-low' : ''}`}>
        <dt>Cushion (min {fmtPercent(c.min, 0)})</dt>
        <dd className="num">
          {fmtPercent(c.before)} → {fmtPercent(c.after)}
        </dd>
      </div>
      {w?.warning ? <p className="tk-hint">Broker: {w.warning}</p> : null}
    </dl>
  );
}

export function ReviewPanel({ review, current }: { review: Review; current: boolean }) {
  return (
    <section className={`tk-group tk-review decision-${review.decision}`} aria-label="Review">
      <h3 className="tk-h3">
        Review: {review.decision}
        {current ? null : <span className="tk-outdated"> (outdated: the ticket changed)</span>}
      </h3>
      {review.warnings.length > 0 ? (
        <div className="gate-warnings" aria-label="Warnings">
          <p className="gate-title">Warnings</p>
          <ul className="gate-list">
            {review.warnings.map((w, i) => (
              <Finding key={`${w.code}${i}`} f={w} />
            ))}
          </ul>
        </div>
      ) : null}
      <Margin review={review} />
      <Lights lights={review.lights} />
      <Checks checks={review.checks} />
    </section>
  );
}
