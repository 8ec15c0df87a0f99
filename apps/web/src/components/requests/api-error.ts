// What a failed tRPC call says, for forms: the typed code, the human message to show as is,
// and zod's per-field messages. A plain module: client components import it.
import { TRPCClientError } from "@trpc/client";

export interface ApiError {
  /** FORBIDDEN, CONFLICT, BAD_REQUEST, NOT_FOUND, … (the client switches on this, never on text). */
  code: string | null;
  message: string;
  fieldErrors: Record<string, string[] | undefined> | null;
  details: Record<string, unknown> | null;
}

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[] | undefined> | null;
  details?: Record<string, unknown> | null;
}

export function apiError(error: unknown): ApiError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as ErrorData;
    return {
      code: data.code ?? null,
      message: error.message,
      fieldErrors: data.fieldErrors ?? null,
      details: data.details ?? null,
    };
  }
  return {
    code: null,
    message: "Lantern could not be reached. Check your connection and try again.",
    fieldErrors: null,
    details: null,
  };
}

/** The first message zod gave for `field`, if any. */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  return error?.fieldErrors?.[field]?.[0];
}
