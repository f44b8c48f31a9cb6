/**
 * Strict reading of one client message: every field is read by name and type, and a message
 * with fields left over or missing is a ProtocolError the test sees — exactly what TWS's own
 * decoder would choke on.
 */

export class ProtocolError extends Error {
  constructor(
    readonly messageId: string,
    message: string,
  ) {
    super(`message ${messageId}: ${message}`);
  }
}

export class FieldCursor {
  private i = 0;

  constructor(
    private readonly fields: readonly string[],
    readonly messageId: string,
  ) {}

  private take(name: string): string {
    if (this.i >= this.fields.length) {
      throw new ProtocolError(
        this.messageId,
        `missing field ${name} (got ${this.fields.length} fields)`,
      );
    }
    return this.fields[this.i++]!;
  }

  str(name: string): string {
    return this.take(name);
  }

  int(name: string): number {
    const raw = this.take(name);
    const n = Number(raw);
    if (raw === '' || !Number.isInteger(n)) {
      throw new ProtocolError(
        this.messageId,
        `${name} must be an integer, got ${JSON.stringify(raw)}`,
      );
    }
    return n;
  }

  /** An integer or empty (unset). */
  optInt(name: string): number | null {
    const raw = this.take(name);
    if (raw === '') return null;
    const n = Number(raw);
    if (!Number.isInteger(n))
      throw new ProtocolError(
        this.messageId,
        `${name} must be an integer, got ${JSON.stringify(raw)}`,
      );
    return n;
  }

  /** A number or empty (unset). */
  optFloat(name: string): number | null {
    const raw = this.take(name);
    if (raw === '') return null;
    const n = Number(raw);
    if (!Number.isFinite(n))
      throw new ProtocolError(
        this.messageId,
        `${name} must be a number, got ${JSON.stringify(raw)}`,
      );
    return n;
  }

  bool(name: string): boolean {
    const raw = this.take(name);
    if (raw !== '0' && raw !== '1' && raw !== '') {
      throw new ProtocolError(this.messageId, `${name} must be 0 or 1, got ${JSON.stringify(raw)}`);
    }
    return raw === '1';
  }

  /** The message must be fully read: a field the fake does not expect is an error. */
  end(): void {
    if (this.i !== this.fields.length) {
      throw new ProtocolError(
        this.messageId,
        `${this.fields.length - this.i} unexpected field(s) after field ${this.i}: ${JSON.stringify(this.fields.slice(this.i))}`,
      );
    }
  }
}
