import { fmtMoney, fmtPercent } from '../../format/numbers';
import { useFeedStaleReason } from '../../stores/selectors';
import { useBulwark } from '../../stores/store';
import { MARGIN_CUSHION_CODE, accountTones, type FigureTone } from './account-tones';

interface FigureProps {
  label: string;
  value: string;
  stale: boolean;
  tone: FigureTone;
  title?: string;
}

/** A stale figure is grey, except a critical one (deficit, net liq ≤ 0): that stays red. */
function Figure({ label, value, stale, tone, title }: FigureProps) {
  const cls = [
    'figure-value',
    stale ? 'stale' : '',
    tone === 'critical' ? 'critical' : '',
    tone === 'warn' && !stale ? 'warn' : '',
  ]
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
  const cushionCheck = useBulwark((s) =>
    s.risk.frame?.lights.find((l) => l.code === MARGIN_CUSHION_CODE),
  );
  const staleReason = useFeedStaleReason();
  const stale = staleReason !== null || account === null;
  const tones = accountTones(account, cushionCheck);
  return (
    <div className="figures" aria-label="Account">
      <Figure
        label="Net liq"
        value={fmtMoney(account?.netLiquidation)}
        stale={stale}
        tone={tones.netLiquidation}
        title="Net liquidation value"
      />
      <Figure
        label="Excess liq"
        value={fmtMoney(account?.excessLiquidity)}
        stale={stale}
        tone={tones.excessLiquidity}
        title={
          tones.excessLiquidity === 'critical'
            ? 'Excess liquidity: margin deficit'
            : 'Excess liquidity'
        }
      />
      <Figure
        label="Cushion"
        value={fmtPercent(account?.cushion ?? null)}
        stale={stale}
        tone={tones.cushion}
        title={tones.cushionTitle}
      />
      <Figure
        label="Maint margin"
        value={fmtMoney(account?.maintMargin)}
        stale={stale}
        tone="none"
        title="Maintenance margin"
      />
    </div>
  );
}
