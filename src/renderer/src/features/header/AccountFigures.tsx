import { fmtMoney, fmtPercent } from '../../format/numbers';
import { useFeedStaleReason } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';

/** Cushion below this is a warning (domain: reject trades that would go below 0.20). */
const CUSHION_MIN = 0.2;

interface FigureProps {
  label: string;
  value: string;
  stale: boolean;
  warn?: boolean;
  title?: string;
}

function Figure({ label, value, stale, warn, title }: FigureProps) {
  const cls = ['figure-value', stale ? 'stale' : '', warn && !stale ? 'warn' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className="figure" title={stale ? `${title ?? label} — stale` : title}>
      <span className="figure-label">{label}</span>
      <span className={cls}>
        {value}
        {stale ? <span className="sr-only"> (stale)</span> : null}
      </span>
    </div>
  );
}

export function AccountFigures() {
  const account = useBulwark((s) => s.account);
  const staleReason = useFeedStaleReason();
  const stale = staleReason !== null || account === null;
  const cushion = account?.cushion ?? null;
  return (
    <div className="figures" aria-label="Account">
      <Figure label="Net liq" value={fmtMoney(account?.netLiquidation)} stale={stale} />
      <Figure
        label="Excess liq"
        value={fmtMoney(account?.excessLiquidity)}
        stale={stale}
        warn={account !== null && account.excessLiquidity < 0}
        title="Excess liquidity"
      />
      <Figure
        label="Cushion"
        value={fmtPercent(cushion)}
        stale={stale}
        warn={cushion !== null && cushion < CUSHION_MIN}
        title={`Excess liquidity / net liquidation (minimum ${CUSHION_MIN * 100}%)`}
      />
      <Figure
        label="Maint margin"
        value={fmtMoney(account?.maintMargin)}
        stale={stale}
        title="Maintenance margin"
      />
    </div>
  );
}
