import { z } from 'zod';

/** Every error that crosses the contract carries one of these stable codes. */
export const ErrorCodeSchema = z.enum([
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'UNKNOWN_STREAM',
  'MALFORMED_MESSAGE',
  'MESSAGE_TOO_LARGE',
  'DUPLICATE_SUBSCRIPTION',
  'TOO_MANY_SUBSCRIPTIONS',
  'UNAUTHORIZED',
  'NOT_AVAILABLE',
  'INVALID_SHOCK',
  'UNKNOWN_INSTRUMENT',
  'TOKEN_INVALID',
  'TOKEN_EXPIRED',
  'TOKEN_USED',
  'ORDER_DENIED',
  'ORDER_NOT_FOUND',
  'ORDER_REJECTED',
  'SETTINGS_INVALID',
  'BROKER_DISCONNECTED',
  'TRANSPORT_CLOSED',
  'TIMEOUT',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ApiErrorSchema = z
  .object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  })
  .strict();
export type ApiError = z.infer<typeof ApiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers for an expected, coded failure; becomes `{ ok: false, error }`. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly details: ApiError['details'];

  constructor(code: ErrorCode, message: string, details?: ApiError['details']) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    this.details = details;
  }

  toApiError(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** `CODE: message` — how errors are shown and logged. */
export function formatApiError(e: ApiError): string {
  const details = e.details
    ? ' ' +
      Object.entries(e.details)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(' ')
    : '';
  return `${e.code}: ${e.message}${details}`;
}
