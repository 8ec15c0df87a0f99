import { createHash } from "node:crypto";

// Idempotency keys come from the outbox row and are stable across redeliveries; these
// helpers turn one into what each provider accepts, deterministically.

/** Resend accepts keys of 1–256 characters in an HTTP header. */
export const RESEND_MAX_KEY_LENGTH = 256;

export function sha256Hex(value: string): string {
  return createHash("sha256").update(value, "utf8").digest("hex");
}

/**
 * The key as sent in Resend's `Idempotency-Key` header: unchanged when it fits, its sha256
 * (64 hex characters) when it is longer than 256 characters or not printable ASCII.
 */
export function resendIdempotencyKey(key: string): string {
  const fits = key.length > 0 && key.length <= RESEND_MAX_KEY_LENGTH && /^[\x20-\x7e]+$/.test(key);
  return fits ? key : sha256Hex(key);
}

/**
 * A Message-ID derived from the key, `<sha256hex@lantern>`: a redelivered email carries the
 * same Message-ID, so receiving systems that dedupe on it show it once.
 */
export function messageIdFor(key: string): string {
  return `<${sha256Hex(key)}@lantern>`;
}

/** Header carrying the outbox key on every email, for tracing a message back to its row. */
export const IDEMPOTENCY_HEADER = "X-Lantern-Idempotency-Key";
