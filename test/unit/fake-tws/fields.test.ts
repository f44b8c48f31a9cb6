import { describe, expect, it } from 'vitest';
import { FieldCursor, ProtocolError } from '../../fake-tws/fields';
import { splitFields } from '../../fake-tws/wire';

describe('strict field reading', () => {
  it('reads fields by name and type and accepts a message read to its end', () => {
    const m = new FieldCursor(['2', '17', '', '1', '1.5', ''], '71');
    expect([m.int('version'), m.int('clientId'), m.str('caps'), m.bool('flag')]).toEqual([
      2,
      17,
      '',
      true,
    ]);
    expect([m.optFloat('price'), m.optInt('size')]).toEqual([1.5, null]);
    expect(() => m.end()).not.toThrow();
  });

  it('refuses leftover fields, missing fields and wrong types, naming the message', () => {
    const extra = new FieldCursor(['1', 'surplus'], '49');
    extra.int('version');
    expect(() => extra.end()).toThrow(
      /message 49: 1 unexpected field\(s\) after field 1: \["surplus"\]/,
    );
    expect(() => new FieldCursor([], '8').int('version')).toThrow(ProtocolError);
    expect(() => new FieldCursor(['x'], '8').int('version')).toThrow(/version must be an integer/);
    expect(() => new FieldCursor(['2'], '8').bool('flag')).toThrow(/must be 0 or 1/);
  });

  it('splits a body into fields and refuses one without the final NUL', () => {
    expect(splitFields('49\u00001\u0000')).toEqual(['49', '1']);
    expect(() => splitFields('49\u00001')).toThrow(/NUL/);
  });
});
