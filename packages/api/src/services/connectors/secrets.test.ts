import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { SecretsError, SecretsKey, secretsKeyProblem } from "./secrets.ts";

const base64Key = randomBytes(32).toString("base64");
const key = SecretsKey.parse(base64Key);

describe("LANTERN_SECRETS_KEY", () => {
  it.each([
    ["base64 of 32 bytes", base64Key, true],
    ["base64url of 32 bytes", randomBytes(32).toString("base64url"), true],
    ["64 hex digits", randomBytes(32).toString("hex"), true],
    ["16 bytes", randomBytes(16).toString("base64"), false],
    ["48 bytes", randomBytes(48).toString("base64"), false],
    ["a passphrase", "correct horse battery staple correct horse b", false],
    ["empty", "", false],
  ])("%s", (_label, text, ok) => {
    expect(secretsKeyProblem(text) === null).toBe(ok);
    if (!ok) {
      expect(() => SecretsKey.parse(text)).toThrow(SecretsError);
      expect(secretsKeyProblem(text)).toContain("openssl rand -base64 32");
      if (text) expect(secretsKeyProblem(text)).not.toContain(text);
    }
  });

  it("has a stable id that is not the key", () => {
    expect(SecretsKey.parse(base64Key).id).toBe(key.id);
    expect(key.id).toMatch(/^[0-9a-f]{8}$/);
    expect(base64Key).not.toContain(key.id);
  });
});

describe("sealing a secret", () => {
  it("opens what it sealed, and the sealed text holds no plaintext", () => {
    const sealed = key.seal('{"token":"s3cret-value"}', "app:1");
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain("s3cret");
    expect(key.open(sealed, "app:1")).toBe('{"token":"s3cret-value"}');
    // A fresh IV every time: the same secret seals differently.
    expect(key.seal('{"token":"s3cret-value"}', "app:1")).not.toBe(sealed);
  });

  it("fails clearly with another key", () => {
    const other = SecretsKey.parse(randomBytes(32).toString("base64"));
    const sealed = key.seal("x", "app:1");
    expect(() => other.open(sealed, "app:1")).toThrow(
      `encrypted with another key (key id ${key.id}; LANTERN_SECRETS_KEY has id ${other.id})`,
    );
  });

  it("detects tampering, truncation and a value moved to another app", () => {
    const sealed = key.seal("a secret", "app:1");
    const [v, id, data] = sealed.split(".") as [string, string, string];
    const bytes = Buffer.from(data, "base64url");
    for (const at of [0, 13, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[at] = flipped[at]! ^ 1;
      expect(() => key.open(`${v}.${id}.${flipped.toString("base64url")}`, "app:1")).toThrow(
        "failed its integrity check",
      );
    }
    expect(() => key.open(`${v}.${id}.${data.slice(0, 10)}`, "app:1")).toThrow(
      "failed its integrity check",
    );
    expect(() => key.open(sealed, "app:2")).toThrow("failed its integrity check");
    expect(() => key.open("plain text", "app:1")).toThrow("not in a format Lantern knows");
  });
});
