// What a failed tRPC call says, in one place: the typed code (the client switches on it, never
// on text), the human message to show as is, zod's per-field messages and the error's
// details. A plain module: client components import it.
import { TRPCClientError } from "@trpc/client";

export interface ApiError {
  /** FORBIDDEN, CONFLICT, BAD_REQUEST, NOT_FOUND, … or null when the server was not reached. */
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

const UNREACHABLE = "Lantern could not be reached. Check your connection and try again.";
const UNKNOWN = "Something went wrong. Try again.";

/** For forms: the message for the top of the form, and each field's own beside it. */
export function apiError(error: unknown): ApiError {
  if (!(error instanceof TRPCClientError)) {
    return { code: null, message: UNREACHABLE, fieldErrors: null, details: null };
  }
  const data = (error.data ?? {}) as ErrorData;
  // A raw list of zod issues ("[{…}]") is never shown as it is.
  const readable = error.message && !error.message.trimStart().startsWith("[");
  return {
    code: data.code ?? null,
    message: readable ? error.message : (firstFieldError(data.fieldErrors) ?? UNKNOWN),
    fieldErrors: data.fieldErrors ?? null,
    details: data.details ?? null,
  };
}

/**
 * For a toast or a dialog with no field to put a message beside: the first field's message
 * when the input was refused (it reads better than the summary), else the server's words.
 */
export function actionError(error: unknown): ApiError {
  const decoded = apiError(error);
  return { ...decoded, message: firstFieldError(decoded.fieldErrors) ?? decoded.message };
}

/** The first message zod gave for `field`, if any. */
export function fieldError(error: ApiError | null, field: string): string | undefined {
  return error?.fieldErrors?.[field]?.[0];
}

function firstFieldError(fieldErrors: ErrorData["fieldErrors"]): string | undefined {
  return Object.values(fieldErrors ?? {}).find((m) => m && m.length > 0)?.[0];
}
