import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { z } from "zod";

// Secrets at rest (connector settings marked secret): AES-256-GCM with the key of
// LANTERN_SECRETS_KEY (32 random bytes). A sealed value is "v1.<key id>.<base64url of
// iv ‖ ciphertext ‖ tag>", bound to what it belongs to (the app) as associated data, so a value
// copied onto another app does not open. The key id (a fingerprint that reveals nothing of the
// key) tells a wrong key from a tampered value. This module reads no environment: the web's and
// the worker's env modules hand the key in. Imported by the web's settings check through
// `@lantern/api/secrets`, so it imports nothing else (but zod).

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Why LANTERN_SECRETS_KEY cannot be used as given, or null. Never echoes the value. */
export function secretsKeyProblem(text: string): string | null {
  return decodeKey(text) ? null : KEY_FORMAT;
}

const KEY_FORMAT =
  "LANTERN_SECRETS_KEY must be 32 random bytes written in base64 (openssl rand -base64 32) or as 64 hex digits.";

/** LANTERN_SECRETS_KEY in an env schema (the web's settings and the worker's). */
export const ZSecretsKeySetting = z
  .string()
  .superRefine((value, ctx) => {
    const problem = secretsKeyProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .optional();

function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) return null;
  const bytes = Buffer.from(trimmed.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return bytes.length === 32 ? bytes : null;
}

/** A sealed value cannot be opened; the message says why and what to do. */
export class SecretsError extends Error {
  override name = "SecretsError";
}

/** The key secrets are sealed with. */
export class SecretsKey {
  /** A fingerprint of the key, stored with each value: 8 hex digits. */
  readonly id: string;
  private constructor(private readonly bytes: Buffer) {
    this.id = createHmac("sha256", bytes)
      .update("lantern secrets key id")
      .digest("hex")
      .slice(0, 8);
  }

  /** The key of LANTERN_SECRETS_KEY; throws SecretsError naming the expected format. */
  static parse(text: string): SecretsKey {
    const bytes = decodeKey(text);
    if (!bytes) throw new SecretsError(KEY_FORMAT);
    return new SecretsKey(bytes);
  }

  /** Encrypts `plaintext` for `context` (e.g. "app:<id>"). */
  seal(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.bytes, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    const sealed = Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url");
    return `${VERSION}.${this.id}.${sealed}`;
  }

  /** Decrypts what `seal` made for the same context; SecretsError when it cannot. */
  open(sealed: string, context: string): string {
    const [version, keyId, data, ...rest] = sealed.split(".");
    if (version !== VERSION || !keyId || data === undefined || rest.length > 0) {
      throw new SecretsError("The stored secret is not in a format Lantern knows: enter it again.");
    }
    if (keyId !== this.id) {
      throw new SecretsError(
        `The stored secret was encrypted with another key (key id ${keyId}; LANTERN_SECRETS_KEY has id ${this.id}). Set LANTERN_SECRETS_KEY to the key it was saved with, or enter the secret again.`,
      );
    }
    const bytes = Buffer.from(data, "base64url");
    if (bytes.length < IV_BYTES + TAG_BYTES) throw tampered();
    const decipher = createDecipheriv("aes-256-gcm", this.bytes, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      return Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]).toString("utf8");
    } catch {
      throw tampered();
    }
  }
}

function tampered(): SecretsError {
  return new SecretsError(
    "The stored secret failed its integrity check: it was changed outside Lantern or belongs to another app. Enter it again.",
  );
}
