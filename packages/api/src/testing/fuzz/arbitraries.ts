import fc from "fast-check";
import { encodeCursor } from "@lantern/domain";
import { brokenText, HOSTILE_NUMBERS, HOSTILE_STRINGS, hostileValue, wrongType } from "./values.ts";

// Inputs for any procedure, generated from its zod 4 input schema (zod-fast-check only knows
// zod 3): the walker reads each schema's definition (`schema._zod.def`) and builds
//   - valid values: within every bound, with real ids of the world's rows where a field names a
//     row (appId → an app of the actor's organization, sometimes of the other one), real task
//     numbers, real and tampered page cursors;
//   - hostile values: one field at a time made hostile (NUL, lone surrogates, control
//     characters, 1 MB text, out-of-range numbers, wrong types, too many items), a field left
//     out, an unknown field added;
//   - wild values: the whole input replaced by anything at all.
// A schema shape it does not know falls back to fast-check's `anything`, so a procedure added
// tomorrow is fuzzed without an edit here.

/** The rows a field may name, by kind. */
export type RowKind =
  | "app"
  | "account"
  | "entitlement"
  | "grant"
  | "user"
  | "policy"
  | "task"
  | "request"
  | "notification"
  | "devEmail"
  | "campaign"
  | "reviewItem";

export interface Pool<T> {
  /** Rows of the actor's organization. */
  own: readonly T[];
  /** Rows of the other organization. */
  other: readonly T[];
}

/** What the world holds, for inputs that reach deep code. */
export interface FuzzPools {
  ids: Record<RowKind, Pool<string>>;
  taskNumbers: Pool<number>;
  /** Real words of the world: names, logins, emails (for searches and names). */
  words: readonly string[];
  /** Sort keys as lists put them in cursors: names, ISO timestamps, ids. */
  cursorKeys: readonly string[];
  /** nextCursor values the lists returned (of any list: a cursor of one list sent to another). */
  cursors: readonly string[];
}

/** The one procedure the walker builds inputs for: its namespace names the rows of `id`. */
export interface FieldContext {
  pools: FuzzPools;
  /** "apps" of "apps.byId". */
  namespace: string;
}

// ───────────────────────────── Reading zod 4 definitions ─────────────────────────────

interface Def {
  type: string;
  [key: string]: unknown;
}
interface Check {
  check?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

export type Schema = { _zod: { def: Def } };

export const defOf = (schema: unknown): Def => (schema as Schema)._zod.def;

function checksOf(schema: Schema): Check[] {
  const own = defOf(schema) as unknown as Check & { checks?: Array<{ _zod: { def: Check } }> };
  const checks = (own.checks ?? []).map((c) => c._zod.def);
  // z.uuid(), z.email(): the format is the schema's own definition.
  return own.check ? [own, ...checks] : checks;
}

function stringBounds(schema: Schema): { min: number; max: number; format: string | null } {
  let min = 0;
  let max = 1_000;
  let format: string | null = null;
  for (const check of checksOf(schema)) {
    if (check.check === "min_length" && check.minimum !== undefined) min = check.minimum;
    if (check.check === "max_length" && check.maximum !== undefined) max = check.maximum;
    if (check.check === "string_format" && check.format) format = check.format;
  }
  return { min, max, format };
}

function numberBounds(schema: Schema): { min: number; max: number; integer: boolean } {
  let min = -1_000_000;
  let max = 1_000_000;
  let integer = false;
  for (const check of checksOf(schema)) {
    if (check.check === "number_format" && /int/.test(check.format ?? "")) integer = true;
    if (check.check === "greater_than" && check.value !== undefined)
      min = check.value + (check.inclusive ? 0 : 1);
    if (check.check === "less_than" && check.value !== undefined)
      max = check.value - (check.inclusive ? 0 : 1);
  }
  return { min, max, integer };
}

/** Whether an object key may be left out. */
function isOptional(schema: Schema): boolean {
  const { type } = defOf(schema);
  return type === "optional" || type === "default" || type === "prefault";
}

// ─────────────────────────────── Fields that name rows ───────────────────────────────

const NAMESPACE_ROWS: Record<string, RowKind> = {
  accounts: "account",
  apps: "app",
  devMailbox: "devEmail",
  entitlements: "entitlement",
  grants: "grant",
  notifications: "notification",
  policies: "policy",
  requests: "request",
  tasks: "task",
  users: "user",
};

/** The kind of row a field names, from its key ("appId", "ownerIds", "id" of apps.byId). */
export function rowKindOf(key: string | null, namespace: string): RowKind | null {
  if (key === null) return null;
  if (key === "id") return NAMESPACE_ROWS[namespace] ?? null;
  const rules: Array<[RegExp, RowKind]> = [
    [/grant/i, "grant"],
    [/account/i, "account"],
    [/polic/i, "policy"],
    [/entitlement/i, "entitlement"],
    [/task/i, "task"],
    [/request/i, "request"],
    [/notification/i, "notification"],
    [/campaign/i, "campaign"],
    [/^item/i, "reviewItem"],
    [/^app/i, "app"],
    [/(user|manager|owner|provisioner|people|person|reassignee|actor)/i, "user"],
  ];
  return rules.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

const INT32 = 2 ** 31 - 1;

function fromPool<T>(pool: Pool<T>, fallback: fc.Arbitrary<T>): fc.Arbitrary<T> {
  const parts: Array<fc.WeightedArbitrary<T>> = [{ weight: 1, arbitrary: fallback }];
  if (pool.own.length > 0) parts.push({ weight: 8, arbitrary: fc.constantFrom(...pool.own) });
  if (pool.other.length > 0) parts.push({ weight: 2, arbitrary: fc.constantFrom(...pool.other) });
  return fc.oneof(...parts);
}

function anyId(pools: FuzzPools): fc.Arbitrary<string> {
  const all = Object.values(pools.ids).flatMap((p) => [...p.own, ...p.other]);
  return all.length > 0 ? fc.oneof(fc.constantFrom(...all), fc.uuid()) : fc.uuid();
}

/** A cursor: a real one (of any list), or one built with the real codec from odd parts. */
export function cursorArbitrary(pools: FuzzPools): fc.Arbitrary<string> {
  const keys = fc.oneof(
    fc.constantFrom("", ...pools.cursorKeys),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1_000)),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    fc.string({ maxLength: 20 }),
  );
  const ids = fc.oneof(
    anyId(pools),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 100)),
    fc.string({ maxLength: 10 }),
  );
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64url");
  const parts: Array<fc.WeightedArbitrary<string>> = [
    // The real codec, fed odd parts: the shape lists expect, with the wrong things inside.
    { weight: 6, arbitrary: fc.record({ key: keys, id: ids }).map(encodeCursor) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('["a","b"]', "[1,2]", '["a"]', "[]", "{}", "null", '["\\u0000",""]')
        .map(b64),
    },
    { weight: 1, arbitrary: fc.json().map(b64) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  ];
  // Real cursors, of this list or another one.
  if (pools.cursors.length > 0)
    parts.push({ weight: 2, arbitrary: fc.constantFrom(...pools.cursors) });
  return fc.oneof(...parts);
}

/** Text that is valid for a field of at most `max` characters: words of the world, or made up. */
function validText(pools: FuzzPools, min: number, max: number): fc.Arbitrary<string> {
  const words = pools.words.filter((w) => w.length >= min && w.length <= max);
  const made = fc.oneof(
    fc.string({ minLength: Math.max(min, 1), maxLength: Math.min(max, 40) }),
    fc.string({ unit: "grapheme", minLength: Math.max(min, 1), maxLength: Math.min(max, 12) }),
    fc.constant("x".repeat(max)),
  );
  return words.length > 0 ? fc.oneof(fc.constantFrom(...words), made) : made;
}

/** Values for fields whose name says what they hold (when the generic shape would not do). */
function hintedString(key: string | null, ctx: FieldContext): fc.Arbitrary<string> | null {
  if (key === null) return null;
  if (key === "cursor") return cursorArbitrary(ctx.pools);
  if (/email/i.test(key)) {
    // Addresses of the world (taken), new ones, and odd ones (zod's email rule may refuse).
    const known = ctx.pools.words.filter((w) => w.includes("@"));
    const parts: Array<fc.WeightedArbitrary<string>> = [
      { weight: 2, arbitrary: fc.nat().map((n) => `fuzz.${n}@northwind.example`) },
      { weight: 1, arbitrary: fc.emailAddress() },
    ];
    if (known.length > 0) parts.push({ weight: 1, arbitrary: fc.constantFrom(...known) });
    return fc.oneof(...parts);
  }
  if (/url/i.test(key)) {
    return fc.oneof(fc.webUrl(), fc.constantFrom("", "https://lantern.example.com/base"));
  }
  if (key === "from" || key === "to") {
    return fc.oneof(
      fc
        .date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.constantFrom("", "2026-01-01", "0001-01-01", "9999-12-31"),
    );
  }
  // An access review's due date: mostly ahead (a campaign starts), some passed (refused).
  if (key === "dueDate") {
    return fc
      .date({ min: new Date("2020-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (key === "action")
    return fc.constantFrom("", "task.", "app.updated", "user.", "request.created");
  if (key === "targetType") return fc.constantFrom("", "App", "User", "Task", "Grant", "Policy");
  // A connector kind (apps.setConnector): the registry's, and a well-formed one it does not
  // have (ill-formed ones are the hostile generator's).
  if (key === "kind") return fc.constantFrom("recorder", "webhook", "ldap");
  if (key === "content") {
    return fc.constantFrom(
      "",
      "[]",
      '{"accounts":[]}',
      "externalId,login,email\n1,ada,ada@northwind.example\n",
      "externalId\n",
      "email,givenName,familyName\nfuzz@northwind.example,Fuzz,Person\n",
    );
  }
  return null;
}

// ─────────────────────────────────── The walker ───────────────────────────────────

/** A valid value of `schema` (as far as its shape says; refinements may still refuse it). */
export function validOf(
  schema: Schema,
  ctx: FieldContext,
  key: string | null = null,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const { min, max, format } = stringBounds(schema);
      if (format === "uuid" || format === "guid") {
        const kind = rowKindOf(key, ctx.namespace);
        return kind ? fromPool(ctx.pools.ids[kind], fc.uuid()) : anyId(ctx.pools);
      }
      if (format === "email") return hintedString("email", ctx) ?? fc.emailAddress();
      if (format === "url") return fc.webUrl();
      return hintedString(key, ctx) ?? validText(ctx.pools, min, max);
    }
    case "number": {
      const { min, max, integer } = numberBounds(schema);
      if (key === "number") {
        const fallback = fc.integer({ min: Math.max(min, -INT32), max: Math.min(max, INT32) });
        return fromPool(ctx.pools.taskNumbers, fallback);
      }
      const inRange = integer
        ? fc.integer({ min: Math.max(min, -INT32), max: Math.min(max, INT32) })
        : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
      return fc.oneof(inRange, fc.constantFrom(min, max));
    }
    case "boolean":
      return fc.boolean();
    case "literal":
      return fc.constantFrom(...(def.values as unknown[]));
    case "enum":
      return fc.constantFrom(...Object.values(def.entries as Record<string, unknown>));
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "optional":
    case "default":
    case "prefault":
      // Mostly the first page: a cursor (usually a tampered one) would stop the call early.
      return fc.oneof(
        { weight: key === "cursor" ? 3 : 1, arbitrary: fc.constant(undefined) },
        { weight: key === "cursor" ? 1 : 3, arbitrary: validOf(def.innerType as Schema, ctx, key) },
      );
    case "nullable":
      return fc.oneof(
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 3, arbitrary: validOf(def.innerType as Schema, ctx, key) },
      );
    case "nonoptional":
    case "readonly":
    case "catch":
      return validOf(def.innerType as Schema, ctx, key);
    case "pipe": {
      // The stricter side, unless it is a transform (then what goes in).
      const out = def.out as Schema;
      return validOf(defOf(out).type === "transform" ? (def.in as Schema) : out, ctx, key);
    }
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((option) => validOf(option, ctx, key)));
    case "array": {
      const { min, max } = stringBounds(schema);
      const items = fc.array(validOf(def.element as Schema, ctx, key), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 4)),
      });
      // Empty lists often (no owners, no named people): rules about list items refuse less.
      return min > 0 ? items : fc.oneof(fc.constant([]), items);
    }
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      const entries = Object.keys(shape);
      return fc.record(Object.fromEntries(entries.map((k) => [k, validOf(shape[k]!, ctx, k)])), {
        requiredKeys: entries.filter((k) => !isOptional(shape[k]!)),
      });
    }
    case "record":
      // None, or a few entries (a connector's settings) under names a kind has or could have
      // (names are patterned: free text would almost never be one), values as their schema says.
      return fc.oneof(
        fc.constant({}),
        fc.dictionary(
          fc.constantFrom("url", "token", "baseDn", "timeoutSeconds"),
          validOf(def.valueType as Schema, ctx, null),
          { minKeys: 1, maxKeys: 3 },
        ),
      );
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/** A value of `schema` with one thing wrong (somewhere inside it). */
export function hostileOf(
  schema: Schema,
  ctx: FieldContext,
  key: string | null = null,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const { max, format } = stringBounds(schema);
      const parts: Array<fc.WeightedArbitrary<unknown>> = [
        { weight: 4, arbitrary: brokenText() },
        { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
        { weight: 1, arbitrary: fc.constant("y".repeat(max + 1)) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
        { weight: 1, arbitrary: wrongType() },
      ];
      if (format === "uuid") {
        parts.push(
          { weight: 3, arbitrary: anyId(ctx.pools) },
          { weight: 1, arbitrary: fc.uuid().map((id) => `${id}\u0000`) },
        );
      }
      if (key === "cursor") parts.push({ weight: 12, arbitrary: cursorArbitrary(ctx.pools) });
      return fc.oneof(...parts);
    }
    case "number": {
      const { min, max } = numberBounds(schema);
      return fc.oneof(
        fc.constantFrom<unknown>(...HOSTILE_NUMBERS, min - 1, max + 1, `${min}`),
        wrongType(),
      );
    }
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "nonoptional":
    case "readonly":
    case "catch":
      return hostileOf(def.innerType as Schema, ctx, key);
    case "pipe":
      return fc.oneof(
        hostileOf(def.in as Schema, ctx, key),
        hostileOf(def.out as Schema, ctx, key),
      );
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((option) => hostileOf(option, ctx, key)));
    case "array": {
      const { max } = stringBounds(schema);
      const element = def.element as Schema;
      return fc.oneof(
        // One item too many (of valid items), an item gone bad, or not a list at all.
        validOf(element, ctx, key).map((item) =>
          Array.from({ length: Math.min(max, 5_000) + 1 }, () => item),
        ),
        fc
          .tuple(
            fc.array(validOf(element, ctx, key), { maxLength: 3 }),
            hostileOf(element, ctx, key),
          )
          .map(([items, bad]) => [...items, bad]),
        wrongType(),
      );
    }
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      const keys = Object.keys(shape);
      const valid = validOf(schema, ctx, key) as fc.Arbitrary<Record<string, unknown>>;
      const variants: Array<fc.WeightedArbitrary<unknown>> = [
        {
          // An unknown field (zod strips it; nothing below may trip on it).
          weight: 1,
          arbitrary: fc
            .tuple(
              valid,
              fc.constantFrom("extra", "__proto__", "constructor", "organizationId"),
              hostileValue(),
            )
            .map(([value, extra, bad]) => {
              const copy: Record<string, unknown> = { ...value };
              Object.defineProperty(copy, extra, { value: bad, enumerable: true, writable: true });
              return copy;
            }),
        },
        { weight: 1, arbitrary: wrongType() },
      ];
      if (keys.length > 0) {
        // One field hostile, the others valid: most of the weight.
        variants.push(
          ...keys.map((k) => ({
            weight: Math.max(1, Math.round(12 / keys.length)),
            arbitrary: fc
              .tuple(valid, hostileOf(shape[k]!, ctx, k))
              .map(([value, bad]) => ({ ...value, [k]: bad })),
          })),
          {
            // A field left out.
            weight: 1,
            arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([value, gone]) => {
              const copy = { ...value };
              delete copy[gone];
              return copy;
            }),
          },
        );
      }
      return fc.oneof(...variants);
    }
    default:
      return fc.oneof(hostileValue(), wrongType());
  }
}

/**
 * A valid value of `schema` except that every text in it is broken (NUL, half a surrogate pair,
 * a control character): the shape is right, so nothing but the text rule stands in the way.
 */
export function poisonedOf(
  schema: Schema,
  ctx: FieldContext,
  key: string | null = null,
): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case "string": {
      const { format } = stringBounds(schema);
      return format === "uuid" || key === "cursor" ? validOf(schema, ctx, key) : brokenText();
    }
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "nonoptional":
    case "readonly":
    case "catch":
      return key === "cursor"
        ? fc.constant(undefined)
        : poisonedOf(def.innerType as Schema, ctx, key);
    case "pipe":
      return poisonedOf(def.in as Schema, ctx, key);
    case "union":
      return fc.oneof(...(def.options as Schema[]).map((option) => poisonedOf(option, ctx, key)));
    case "array": {
      const { min, max } = stringBounds(schema);
      return fc.array(poisonedOf(def.element as Schema, ctx, key), {
        minLength: min,
        maxLength: Math.max(min, Math.min(max, 3)),
      });
    }
    case "object": {
      const shape = def.shape as Record<string, Schema>;
      return fc.record(
        Object.fromEntries(Object.keys(shape).map((k) => [k, poisonedOf(shape[k]!, ctx, k)])),
      );
    }
    default:
      return validOf(schema, ctx, key);
  }
}

/**
 * An input for a procedure whose parsers are `inputs`: valid, one thing wrong, every text
 * broken, or anything at all.
 */
export function inputOf(inputs: readonly Schema[], ctx: FieldContext): fc.Arbitrary<unknown> {
  const wild = fc.oneof(hostileValue(), wrongType());
  if (inputs.length === 0) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: wild },
    );
  }
  const merge = (parts: unknown[]) =>
    parts.length === 1
      ? parts[0]
      : Object.assign({}, ...parts.map((p) => (typeof p === "object" && p !== null ? p : {})));
  const valid = fc.tuple(...inputs.map((schema) => validOf(schema, ctx))).map(merge);
  const hostile = fc.tuple(...inputs.map((schema) => hostileOf(schema, ctx))).map(merge);
  const poisoned = fc.tuple(...inputs.map((schema) => poisonedOf(schema, ctx))).map(merge);
  return fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 4, arbitrary: hostile },
    { weight: 3, arbitrary: poisoned },
    { weight: 1, arbitrary: wild },
  );
}
