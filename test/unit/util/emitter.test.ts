/** Item 5 of the fail-closed issue: one throwing listener cannot silence the others. */
import { describe, expect, it } from 'vitest';
import { Emitter } from '@shared/util/emitter';

interface Events {
  quote: number;
  status: string;
}

describe('Emitter', () => {
  it('a throwing listener does not stop the ones after it, and its error is reported', () => {
    const errors: Array<[unknown, string]> = [];
    const e = new Emitter<Events>((error, event) => errors.push([error, event]));
    const seen: number[] = [];
    e.on('quote', () => {
      throw new Error('listener bug');
    });
    e.on('quote', (q) => seen.push(q));
    e.emit('quote', 7);
    expect(seen).toEqual([7]);
    expect(errors).toEqual([[new Error('listener bug'), 'quote']]);
  });

  it('by default the error surfaces as an unhandled rejection, never silently', async () => {
    const e = new Emitter<Events>();
    const surfaced = new Promise<unknown>((resolve) => {
      process.once('unhandledRejection', (reason) => resolve(reason));
    });
    e.on('status', () => {
      throw new Error('boom');
    });
    e.emit('status', 'x');
    expect(await surfaced).toEqual(new Error('boom'));
  });

  it('only declared event names compile', () => {
    const e = new Emitter<Events>();
    // @ts-expect-error — a misspelt event name is a type error
    e.on('quoet', () => {});
    // @ts-expect-error — the payload type is checked too
    e.emit('quote', 'not a number');
    expect(e.listenerCount('quote')).toBe(0);
  });
});
