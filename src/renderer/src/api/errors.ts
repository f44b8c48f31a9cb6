import { formatApiError, type ApiError } from '@shared/api/errors';

/** A coded failure from the core, thrown by `api.call`. */
export class BulwarkError extends Error {
  readonly error: ApiError;

  constructor(error: ApiError) {
    super(formatApiError(error));
    this.name = 'BulwarkError';
    this.error = error;
  }

  get code(): ApiError['code'] {
    return this.error.code;
  }
}

/** Any thrown value as a coded error, so the UI always has a code to show. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof BulwarkError) return e.error;
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
}
