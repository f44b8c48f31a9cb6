import { describe, expect, it } from 'vitest';
import { parseServerFrame } from '../../src/renderer/src/api/frames';
import { backoffDelay } from '../../src/renderer/src/api/backoff';

describe('parseServerFrame', () => {
  it('reads the core message types', () => {
    expect(
      parseServerFrame('{"type":"event","id":3,"stream":"sim.status","data":{}}'),
    ).toMatchObject({
      type: 'event',
      id: 3,
    });
    expect(
      parseServerFrame('{"type":"error","error":{"code":"MALFORMED_MESSAGE","message":"x"}}'),
    ).toMatchObject({ type: 'error' });
  });

  it('returns null for anything else instead of throwing', () => {
    for (const bad of [
      '',
      'nope',
      '[]',
      'null',
      '{"type":"x"}',
      '{"type":"result"}',
      '{"type":"error"}',
    ]) {
      expect(parseServerFrame(bad)).toBeNull();
    }
    expect(parseServerFrame(new ArrayBuffer(2))).toBeNull();
  });
});

describe('backoffDelay', () => {
  it('starts at 0.5 s, doubles and stops at 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 50].map(backoffDelay)).toEqual([
      500, 1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });
});
