/**
 * The TWS socket framing, server side. Client → server: first `API\0` plus a length-prefixed
 * version range (`v100..193`), then messages of 4-byte big-endian length + NUL-terminated UTF-8
 * fields. Server → client: the same framing for every message, the first being the handshake.
 */

/** Server-side "no value" sentinels, as TWS sends them. */
export const UNSET_DOUBLE = '1.7976931348623157E308';
export const UNSET_INTEGER = '2147483647';

export type Field = string | number | boolean | null;

function fieldText(f: Field): string {
  if (f === null) return '';
  if (typeof f === 'boolean') return f ? '1' : '0';
  return String(f);
}

/** One framed server message: each field NUL-terminated, the body length first. */
export function encodeMessage(fields: readonly Field[]): Buffer {
  const body = Buffer.from(fields.map((f) => `${fieldText(f)}\0`).join(''), 'utf8');
  const head = Buffer.alloc(4);
  head.writeUInt32BE(body.length);
  return Buffer.concat([head, body]);
}

export type ClientFrame =
  { kind: 'hello'; minVersion: number; maxVersion: number } | { kind: 'message'; fields: string[] };

export class WireError extends Error {}

const API_PREFIX = Buffer.from('API\0', 'latin1');
/** Larger than any message Bulwark's client sends; a bigger frame is garbage, not data. */
const MAX_FRAME = 1 << 20;

/** Cuts the client's byte stream into the hello and framed messages. */
export class ClientStreamReader {
  private buffer = Buffer.alloc(0);
  private greeted = false;

  push(data: Buffer): ClientFrame[] {
    this.buffer = Buffer.concat([this.buffer, data]);
    const out: ClientFrame[] = [];
    if (!this.greeted) {
      if (this.buffer.length < API_PREFIX.length) return out;
      if (!this.buffer.subarray(0, API_PREFIX.length).equals(API_PREFIX)) {
        throw new WireError('client did not start with API\\0');
      }
      const frame = this.takeFrame(API_PREFIX.length);
      if (frame === null) return out;
      out.push(parseHello(frame.toString('utf8')));
      this.greeted = true;
    }
    for (let frame = this.takeFrame(0); frame !== null; frame = this.takeFrame(0)) {
      out.push({ kind: 'message', fields: splitFields(frame.toString('utf8')) });
    }
    return out;
  }

  private takeFrame(offset: number): Buffer | null {
    if (this.buffer.length < offset + 4) return null;
    const size = this.buffer.readUInt32BE(offset);
    if (size > MAX_FRAME) throw new WireError(`frame of ${size} bytes is too large`);
    if (this.buffer.length < offset + 4 + size) return null;
    const frame = this.buffer.subarray(offset + 4, offset + 4 + size);
    this.buffer = this.buffer.subarray(offset + 4 + size);
    return frame;
  }
}

function parseHello(text: string): ClientFrame {
  const m = /^v(\d+)\.\.(\d+)/.exec(text);
  if (!m) throw new WireError(`bad version range ${JSON.stringify(text)}`);
  return { kind: 'hello', minVersion: Number(m[1]), maxVersion: Number(m[2]) };
}

/** A frame body is fields each ending in NUL; a body not ending in NUL is malformed. */
export function splitFields(body: string): string[] {
  if (!body.endsWith('\0')) throw new WireError('message body does not end with NUL');
  return body.slice(0, -1).split('\0');
}
