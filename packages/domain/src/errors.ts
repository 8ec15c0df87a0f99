/**
 * The error every business rule throws. `code` is what clients switch on (never the text);
 * `message` is written for the person who sees it. The API maps codes to transport codes
 * in exactly one place (packages/api/src/errors.ts).
 */
export const DOMAIN_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Structured facts a client may show (e.g. who completed a task). Never secrets. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
