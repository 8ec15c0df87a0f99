import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { isDomainError, type DomainErrorCode } from "@lantern/domain";

// The one place where domain error codes become transport codes.
const TO_TRPC: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
};

/** Converts a thrown DomainError into the TRPCError clients receive; others pass through. */
export function toTRPCError(error: unknown): unknown {
  if (isDomainError(error)) {
    return new TRPCError({ code: TO_TRPC[error.code], message: error.message, cause: error });
  }
  return error;
}
