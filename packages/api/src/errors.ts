import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";
import { isDomainError, type DomainErrorCode } from "@lantern/domain";

// The one place where domain error codes become transport codes.
const TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
};

/** zod's own wording ("Invalid input: expected string…"), which does not name the field. */
const GENERIC_ZOD_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized|Expected)/;

/**
 * What a refused input says in words: each problem once, in order. The schemas' messages name
 * their field ("The app name contains a NUL character, which text cannot hold."); zod's generic
 * ones get the field's path in front ("limit: Invalid input: expected number, received string").
 */
export function inputProblemMessage(error: ZodError): string {
  const messages = error.issues.map((issue) =>
    GENERIC_ZOD_MESSAGE.test(issue.message) && issue.path.length > 0
      ? `${issue.path.join(".")}: ${issue.message}`
      : issue.message,
  );
  return [...new Set(messages)].join(" ") || "The input is not valid.";
}

/** Converts a thrown DomainError into the TRPCError clients receive; others pass through. */
export function toTRPCError(error: unknown): unknown {
  if (isDomainError(error)) {
    return new TRPCError({ code: TO_TRPC[error.code], message: error.message, cause: error });
  }
  return error;
}

/**
 * The BAD_REQUEST of an input zod refused, with a message in words rather than zod's JSON
 * (the issues stay in `cause`, for fieldErrors); null for any other error.
 */
export function toInputRefusal(error: TRPCError): TRPCError | null {
  if (error.code !== "BAD_REQUEST" || !(error.cause instanceof ZodError)) return null;
  return new TRPCError({
    code: "BAD_REQUEST",
    message: inputProblemMessage(error.cause),
    cause: error.cause,
  });
}
