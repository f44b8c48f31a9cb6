import { describe, expect, it } from 'vitest';
import type { CommandName } from '@shared/api/contract';
import type { Result } from '@shared/api/errors';
import type { OrderTicket } from '@shared/domain/order-ticket';
import { createApi } from '../../src/renderer/src/api/api';
import { commandById, commandForKey } from '../../src/renderer/src/commands/registry';
import type { KeyLike } from '../../src/renderer/src/commands/types';
import {
  openNewTicket,
  pollTicketChains,
  sendTicket,
  simulateTicket,
} from '../../src/renderer/src/features/orders/ticket-actions';
import { sendState } from '../../src/renderer/src/features/orders/ticket-state';
import { createAppStore } from '../../src/renderer/src/stores/store';
import { FakeBridge } from './fake-bridge';
import { appInfo } from './fixtures';
import { EXPIRY, FAR, NOW, orderRecord, review, spxChain } from './orders-fixtures';

type Handler = (input: unknown) => Result<unknown>;

function setup(handlers: Partial<Record<CommandName, Handler>> = {}) {
  const bridge = new FakeBridge({
    'market.chain': (input) => {
      const i = input as { expiry?: string };
      return { ok: true, value: spxChain({ expiry: i.expiry ?? EXPIRY }) };
    },
    'orders.preview': () => ({ ok: true, value: review() }),
    'orders.submit': () => ({ ok: true, value: { orderId: 42 } }),
    'orders.list': () => ({ ok: true, value: [orderRecord(42)] }),
    ...handlers,
  });
  const store = createAppStore(NOW);
  store.getState().setLink({ status: 'open', everOpen: true, retries: 0 });
  store.getState().setAppInfo(appInfo());
  const ctx = { api: createApi(bridge), store };
  return { bridge, store, ctx };
}

async function openCondor(s: ReturnType<typeof setup>) {
  openNewTicket(s.ctx);
  s.store.getState().editTicket({ kind: 'iron-condor' });
  await pollTicketChains(s.ctx);
}

const previews = (b: FakeBridge) =>
  b.calls.filter((c) => c.name === 'orders.preview').map((c) => c.input as OrderTicket);

describe('order ticket with the core', () => {
  it('asks for the chain the draft shows and fills in the condor from it', async () => {
    const s = setup();
    await openCondor(s);
    const chainCall = s.bridge.calls.find((c) => c.name === 'market.chain');
    expect(chainCall?.input).toMatchObject({ underlying: 'SPX' });
    const t = s.store.getState().ticket!;
    expect(t.chain?.expiry).toBe(EXPIRY);
    expect(t.draft.strikes).toHaveLength(2);
    expect(t.draft.limitText).not.toBe('');
  });

  it('Simulate previews the ticket; Send submits only the token, then closes and says the id', async () => {
    const s = setup();
    await openCondor(s);
    await simulateTicket(s.ctx);
    expect(previews(s.bridge)).toHaveLength(1);
    expect(previews(s.bridge)[0]).toMatchObject({ action: 'SELL', orderType: 'LMT' });
    expect(sendState(s.store.getState().ticket!, NOW).enabled).toBe(true);
    await sendTicket(s.ctx);
    const submit = s.bridge.calls.find((c) => c.name === 'orders.submit');
    expect(submit?.input).toEqual({ confirmToken: 'tok-1' });
    expect(s.store.getState().ticket).toBeNull();
    expect(s.store.getState().orderSent?.text).toMatch(
      /^Order #42 sent: SELL 1 iron condor at 2.50$/,
    );
    expect(s.store.getState().orders.byId[42]?.status).toBe('working');
  });

  it('an edit after Simulate keeps Send from using the old review', async () => {
    const s = setup();
    await openCondor(s);
    await simulateTicket(s.ctx);
    s.store.getState().editTicket({ quantityText: '2' });
    await sendTicket(s.ctx);
    expect(s.bridge.calls.some((c) => c.name === 'orders.submit')).toBe(false);
  });

  it('a coded submit error lands in the ticket and the token is not offered again', async () => {
    const s = setup({
      'orders.submit': () => ({
        ok: false,
        error: { code: 'TOKEN_EXPIRED', message: 'The review expired.' },
      }),
    });
    await openCondor(s);
    await simulateTicket(s.ctx);
    await sendTicket(s.ctx);
    const t = s.store.getState().ticket!;
    expect(t.error?.code).toBe('TOKEN_EXPIRED');
    expect(sendState(t, NOW).enabled).toBe(false);
  });

  it('a denial leaves Send disabled; "send again" re-simulates with sendAgain', async () => {
    const denied = review({
      decision: 'denied',
      confirmToken: null,
      expiresAt: null,
      denials: [
        { code: 'DUPLICATE_ORDER', message: 'Same order 5 s ago', details: { seconds: 5 } },
      ],
    });
    const s = setup({
      'orders.preview': (input) => ({
        ok: true,
        value: (input as OrderTicket).sendAgain ? review() : denied,
      }),
    });
    await openCondor(s);
    await simulateTicket(s.ctx);
    expect(sendState(s.store.getState().ticket!, NOW).enabled).toBe(false);
    await simulateTicket(s.ctx, { sendAgain: true });
    expect(previews(s.bridge)[1]?.sendAgain).toBe(true);
    expect(sendState(s.store.getState().ticket!, NOW).enabled).toBe(true);
  });

  it('a draft that is not an order yet is not previewed: the reasons show instead', async () => {
    const s = setup();
    await openCondor(s);
    s.store.getState().editTicket({ limitText: '' });
    await simulateTicket(s.ctx);
    expect(previews(s.bridge)).toHaveLength(0);
    expect(s.store.getState().ticket?.error).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('drops a chain answer for a request the draft no longer makes', async () => {
    const s = setup();
    openNewTicket(s.ctx);
    const pending = pollTicketChains(s.ctx);
    s.store.getState().editTicket({ underlying: 'QQQ' });
    await pending;
    expect(s.store.getState().ticket?.chain).toBeNull();
  });

  it('a calendar asks for the far chain too', async () => {
    const s = setup();
    openNewTicket(s.ctx);
    s.store.getState().editTicket({ kind: 'calendar' });
    await pollTicketChains(s.ctx);
    await pollTicketChains(s.ctx);
    const asked = s.bridge.calls
      .filter((c) => c.name === 'market.chain')
      .map((c) => (c.input as { expiry?: string }).expiry);
    expect(asked).toContain(FAR);
    expect(s.store.getState().ticket?.farChain?.expiry).toBe(FAR);
  });
});

const key = (code: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: code.slice(-1).toLowerCase(),
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('orders.simulate command', () => {
  it('is Cmd/Ctrl+Shift+S, also while typing in the ticket', () => {
    const s = setup();
    const st = s.store.getState();
    expect(commandForKey(key('KeyS', { ctrlKey: true, shiftKey: true }), st)?.id).toBe(
      'orders.simulate',
    );
    expect(commandForKey(key('KeyS', { metaKey: true, shiftKey: true }), st)?.id).toBe(
      'orders.simulate',
    );
    // The menu's synthetic key press may carry the key without the physical code.
    expect(commandForKey({ ...key('', { ctrlKey: true, shiftKey: true }), key: 'S' }, st)?.id).toBe(
      'orders.simulate',
    );
    expect(commandForKey(key('KeyS', { ctrlKey: true }), st)).toBeUndefined();
    expect(commandById('orders.simulate')?.shortcut?.inFields).toBe(true);
  });

  it('opens the ticket when it is closed, and simulates when it is open', async () => {
    const s = setup();
    const cmd = commandById('orders.simulate')!;
    await cmd.perform(s.ctx);
    expect(s.store.getState().ticket).not.toBeNull();
    expect(previews(s.bridge)).toHaveLength(0);
    s.store.getState().editTicket({ kind: 'iron-condor' });
    await pollTicketChains(s.ctx);
    await cmd.perform(s.ctx);
    expect(previews(s.bridge)).toHaveLength(1);
  });

  it('is disabled while the link to the core is down', () => {
    const s = setup();
    s.store.getState().setLink({ status: 'closed', everOpen: true, retries: 1 });
    expect(commandById('orders.simulate')!.enabled(s.store.getState())).toBe(false);
  });
});
