import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src/renderer/src/api/api';
import { CommandContextReact } from '../../src/renderer/src/commands/context';
import { ChainTable } from '../../src/renderer/src/features/orders/ChainTable';
import { TicketDialog } from '../../src/renderer/src/features/orders/OrderTicket';
import { GateAlert, ReviewPanel } from '../../src/renderer/src/features/orders/ReviewPanel';
import { newDraft } from '../../src/renderer/src/features/orders/ticket-draft';
import { quoteBook } from '../../src/renderer/src/features/orders/ticket-legs';
import { TradeSummary } from '../../src/renderer/src/features/orders/TradeSummary';
import { TradingStateView } from '../../src/renderer/src/features/orders/TradingStateBadge';
import { openTicketState } from '../../src/renderer/src/features/orders/ticket-state';
import { WorkingOrdersView } from '../../src/renderer/src/features/orders/WorkingOrders';
import {
  applyOrderRecords,
  doneOrders,
  EMPTY_ORDERS,
  workingOrders,
} from '../../src/renderer/src/stores/orders';
import { PositionRowView } from '../../src/renderer/src/features/positions/PositionRow';
import { appStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';
import { row } from './fixtures';
import { NOW, orderRecord, review, spxChain } from './orders-fixtures';

const ctx = { api: createApi(new FakeBridge()), store: appStore };
const withCtx = (node: React.ReactNode) =>
  renderToStaticMarkup(
    <CommandContextReact.Provider value={ctx}>{node}</CommandContextReact.Provider>,
  );
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('order ticket components', () => {
  it('the ticket is a dialog named Order ticket with Simulate, and Send disabled before a review', () => {
    const t = openTicketState({ ...newDraft(), kind: 'iron-condor', side: null });
    const html = withCtx(<TicketDialog t={t} />);
    expect(html).toMatch(/role="dialog"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`id="${labelledBy}">Order ticket<`);
    expect(html).toMatch(/<button[^>]*>Simulate<\/button>/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Send<\/button>/);
    expect(text(html)).toContain('Loading the chain');
    expect(text(html)).toContain('Simulate first');
  });

  it('lists denials in an alert with code, words and details, and offers send-again for a duplicate', () => {
    const r = review({
      decision: 'denied',
      confirmToken: null,
      denials: [
        {
          code: 'MAX_CONTRACTS',
          message: 'More contracts than one order may have',
          details: { quantity: 5000, max: 50 },
        },
        { code: 'DUPLICATE_ORDER', message: 'Same order sent 3 s ago', details: {} },
      ],
    });
    const html = renderToStaticMarkup(
      <GateAlert review={r} error={null} busy={false} onSendAgain={() => undefined} />,
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('MAX_CONTRACTS More contracts than one order may have');
    expect(text(html)).toContain('quantity=5000 max=50');
    expect(text(html)).toContain('Send again anyway');
    const none = renderToStaticMarkup(
      <GateAlert review={review()} error={null} busy={false} onSendAgain={() => undefined} />,
    );
    expect(none).toBe('');
  });

  it('shows a coded error in the alert region', () => {
    const html = renderToStaticMarkup(
      <GateAlert
        review={null}
        error={{ code: 'TOKEN_EXPIRED', message: 'The review expired.' }}
        busy={false}
        onSendAgain={() => undefined}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(text(html)).toContain('TOKEN_EXPIRED The review expired.');
  });

  it('the review shows warnings (not as an alert), the what-if, the cushion and lights before → after', () => {
    const r = review({
      decision: 'warned',
      warnings: [{ code: 'RISK_LIMIT', message: 'Beta delta turns amber', details: {} }],
    });
    const html = renderToStaticMarkup(<ReviewPanel review={r} current />);
    expect(html).not.toContain('role="alert"');
    const t = text(html);
    expect(t).toContain('RISK_LIMIT Beta delta turns amber');
    expect(t).toContain('broker what-if');
    expect(t).toContain('$2,500');
    expect(t).toContain('43.0% → 41.0%');
    expect(t).toContain('min 20%');
    // Changed lights first, then all of them in a collapsible.
    const changed = /aria-label="Lights the trade changes">(.*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(text(changed)).toContain('Beta delta');
    expect(text(changed)).not.toContain('Vega');
    expect(t).toContain('All 2 lights');
    expect(t).toContain('Checks (2/2 passed)');
    const local = renderToStaticMarkup(
      <ReviewPanel review={review({ whatIfSource: 'local' })} current={false} />,
    );
    expect(text(local)).toContain('local margin model');
    expect(text(local)).toContain('outdated');
  });

  it('the chain shows stale quotes as — with a reason, never as 0', () => {
    const chain = spxChain({ time: NOW - 60_000 });
    const book = quoteBook([chain], {}, NOW, 10_000);
    const html = renderToStaticMarkup(
      <ChainTable
        chain={chain}
        book={book}
        legs={[]}
        action="SELL"
        onPick={() => undefined}
        canPick
      />,
    );
    expect(html).toContain('quote stale or missing');
    expect(html).not.toMatch(/>0\.00</);
    expect(html).toContain('aria-label="Pick 5800 put"');
    const fresh = renderToStaticMarkup(
      <ChainTable
        chain={spxChain()}
        book={quoteBook([spxChain()], {}, NOW, 10_000)}
        legs={[]}
        action="SELL"
        onPick={() => undefined}
        canPick
      />,
    );
    expect(fresh).not.toContain('quote stale or missing');
  });
});

describe('working orders and trading state', () => {
  it('lists working orders with Cancel and Modify, finished ones under Done today', () => {
    const orders = applyOrderRecords(EMPTY_ORDERS, [
      orderRecord(7, {
        walk: { step: 2, maxSteps: 10, currentPrice: 2.4, worstPrice: 2.1, ended: null },
      }),
      orderRecord(8, { status: 'filled', filled: 1, remaining: 0, avgFillPrice: 2.45 }),
    ]);
    const notices = [
      {
        id: 1,
        orderId: 7,
        code: '10311',
        message: 'This order will be directly routed',
        time: NOW,
      },
    ];
    const html = withCtx(
      <WorkingOrdersView
        working={workingOrders(orders)}
        done={doneOrders(orders)}
        sent={{ orderId: 7, text: 'Order #7 sent', at: NOW }}
        notices={notices}
      />,
    );
    const t = text(html);
    expect(t).toContain('Working orders');
    expect(html).toContain('data-order-id="7"');
    expect(t).toContain('2/10 2.40 → 2.10');
    expect(t).toMatch(/Cancel\s+Modify/);
    expect(t).toContain('Done today (1)');
    expect(t).toContain('TWS 10311');
    expect(t).toContain('Order #7 sent');
  });

  it('says credit or debit of each price by its sign, not by the side alone', () => {
    const summary = (action: 'BUY' | 'SELL', natural: number, mid: number) =>
      text(
        renderToStaticMarkup(
          <TradeSummary
            legs={[]}
            action={action}
            prices={{ natural, mid, tick: 0.05 }}
            delta={null}
            stats={null}
            review={null}
          />,
        ),
      );
    // Selling a condor: a credit at the mid, but crossing wide spreads would pay.
    expect(summary('SELL', -0.9, 4.45)).toMatch(/Natural \(debit\).*Mid \(credit\)/);
    // Buying a combo at a negative price receives money (IB's convention).
    expect(summary('BUY', -1.2, -1.35)).toMatch(/Natural \(credit\).*Mid \(credit\)/);
    expect(summary('BUY', 2.1, 2.0)).toMatch(/Natural \(debit\).*Mid \(debit\)/);
  });

  it('the header badge says REDUCE-ONLY or HALTED with the reason, and nothing while active', () => {
    const badge = (state: 'active' | 'reduce-only' | 'halted', reason: string) =>
      text(renderToStaticMarkup(<TradingStateView state={state} reason={reason} />));
    expect(badge('reduce-only', 'daily loss limit')).toMatch(/REDUCE-ONLY\s*: daily loss limit/);
    expect(badge('halted', 'kill switch')).toMatch(/HALTED\s*: kill switch/);
    expect(renderToStaticMarkup(<TradingStateView state="active" reason="" />)).toBe('');
    expect(renderToStaticMarkup(<TradingStateView state={null} reason="" />)).toBe('');
  });
});

describe('position actions', () => {
  const render = (r: ReturnType<typeof row>) =>
    renderToStaticMarkup(
      <table>
        <tbody>
          <PositionRowView
            row={r}
            broker="sim"
            feedStale={null}
            quoteLimitMs={10_000}
            greeksLimitMs={30_000}
            expiry={null}
          />
        </tbody>
      </table>,
    );

  it('an option row offers Close and Roll; shares only Close', () => {
    expect(text(render(row('5700')))).toMatch(/Close\s+Roll/);
    const shares = render(
      row('s', {
        instrument: {
          key: 'STK:AAPL',
          symbol: 'AAPL',
          secType: 'STK',
          currency: 'USD',
          multiplier: 1,
          exchange: 'SMART',
          description: 'AAPL',
        },
        quantity: 100,
      }),
    );
    expect(text(shares)).toContain('Close');
    expect(text(shares)).not.toContain('Roll');
  });
});
