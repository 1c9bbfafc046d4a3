import type { ApiError as ApiErrorBody } from '@vigie/common';

/** Codes the portal produces itself, when no API answer could be read. */
export const NETWORK_ERROR = 'NETWORK_ERROR';

/**
 * Every failed API call rejects with this, whatever went wrong: an API error body, a proxy's HTML page,
 * or no answer at all (statusCode 0). Callers branch on `code`, never on the message.
 */
export class ApiError extends Error implements ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly errors?: Record<string, string>;
  readonly correlationId?: string;
  /** Which file of the request was refused (its place, from 0), when the API names one. */
  readonly file?: number;
  /**
   * The rest of the body: what some refusals add to say more (a stale edit's `current` state, a
   * refused transfer's `reason`). Read by the caller that knows the code; never trusted for more.
   */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(body: ApiErrorBody, details: Record<string, unknown> = {}) {
    super(body.message);
    this.name = 'ApiError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    this.errors = body.errors;
    this.correlationId = body.correlationId;
    this.file = body.file;
    this.details = details;
  }

  static isApiError(error: unknown): error is ApiError {
    return error instanceof ApiError;
  }

  /** True for answers that will not change if the same request is retried. */
  get isClientError(): boolean {
    return this.statusCode >= 400 && this.statusCode < 500 && this.statusCode !== 429;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Partial<ApiErrorBody>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

/** Builds the ApiError for a non-2xx response from whatever body it carried. */
export function apiErrorFrom(status: number, statusText: string, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { statusCode, code, message, errors, correlationId, file, ...details } = body;
    return new ApiError(
      {
        statusCode: typeof statusCode === 'number' ? statusCode : status,
        code,
        message,
        errors: errors && typeof errors === 'object' ? errors : undefined,
        correlationId: typeof correlationId === 'string' ? correlationId : undefined,
        file: typeof file === 'number' ? file : undefined,
      },
      details,
    );
  }
  return new ApiError({
    statusCode: status,
    code: `HTTP_${status}`,
    message: statusText || `HTTP ${status}`,
  });
}
