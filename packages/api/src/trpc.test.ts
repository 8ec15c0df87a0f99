import { describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { z } from "zod";
import { DomainError, type Actor } from "@lantern/domain";
import type { Context } from "./context.ts";
import { authedProcedure, publicProcedure, router } from "./trpc.ts";

const person = (id: string, role: Actor["role"] = "MEMBER"): Actor => ({
  id,
  organizationId: "org-1",
  role,
  status: "ACTIVE",
  displayName: id,
  email: `${id}@acme.test`,
});

const testRouter = router({
  hello: publicProcedure.query(() => "hi"),
  whoami: authedProcedure.query(({ ctx }) => ctx.actor.id),
  conflict: publicProcedure.query(() => {
    throw new DomainError("CONFLICT", "Already completed by Ada Admin.", {
      completedBy: "Ada Admin",
    });
  }),
  search: publicProcedure
    .input(
      z.object({ text: z.string().max(3, "The text is limited to 3 characters."), n: z.number() }),
    )
    .query(({ input }) => input.text),
  crash: publicProcedure.query(() => {
    throw new Error("connection to 10.0.0.5 refused: password authentication failed");
  }),
});

const ctxFor = (actor: Actor | null, production = true): Context => ({
  db: null as never, // these procedures never touch the database
  actor,
  now: () => new Date(),
  production,
});

const caller = (actor: Actor | null) => testRouter.createCaller(ctxFor(actor));

/** Calls a query over HTTP, as a browser would, and returns the JSON error shape. */
async function httpError(path: string, production: boolean) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`),
    router: testRouter,
    createContext: async () => ctxFor(null, production),
  });
  const body = (await res.json()) as {
    error: { json: { message: string; data: Record<string, unknown> } };
  };
  return { status: res.status, ...body.error.json };
}

describe("procedure levels (level × caller → outcome)", () => {
  it.each([
    ["public", "signed out", null, "ok"],
    ["authed", "signed out", null, "UNAUTHORIZED"],
    ["authed", "member", person("m"), "ok"],
    ["authed", "super admin", person("a", "SUPER_ADMIN"), "ok"],
  ] as const)("%s procedure, %s → %s", async (level, _who, actor, expected) => {
    const c = caller(actor);
    const call = level === "public" ? c.hello() : c.whoami();
    if (expected === "ok") await expect(call).resolves.toBeDefined();
    else await expect(call).rejects.toMatchObject({ code: expected });
  });
});

describe("error formatting over HTTP", () => {
  it("maps a DomainError to its tRPC code, keeping its message and details", async () => {
    const error = await httpError("conflict", true);
    expect(error.status).toBe(409);
    expect(error.message).toBe("Already completed by Ada Admin.");
    expect(error.data).toMatchObject({ code: "CONFLICT", details: { completedBy: "Ada Admin" } });
  });

  it("says what is wrong with a refused input in words, naming the field, with fieldErrors", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { text: "toolong", n: "1" } }));
    const error = await httpError(`search?input=${input}`, true);
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "The text is limited to 3 characters. n: Invalid input: expected number, received string",
    );
    expect(error.data).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: {
        text: ["The text is limited to 3 characters."],
        n: ["Invalid input: expected number, received string"],
      },
    });
    // The same words through a server-side caller.
    await expect(caller(null).search({ text: "toolong", n: 1 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The text is limited to 3 characters.",
    });
  });

  it("hides unexpected errors and stack traces in production", async () => {
    const error = await httpError("crash", true);
    expect(error.status).toBe(500);
    expect(error.message).toBe("Something went wrong on our side. Try again.");
    expect(JSON.stringify(error)).not.toContain("10.0.0.5");
    expect(error.data.stack ?? null).toBeNull();
  });

  it("shows them in development", async () => {
    const error = await httpError("crash", false);
    expect(error.message).toContain("password authentication failed");
    expect(typeof error.data.stack).toBe("string");
  });
});
