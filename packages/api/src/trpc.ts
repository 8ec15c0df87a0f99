import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, type z } from "zod";
import { isDomainError, type Actor } from "@lantern/domain";
import type { Context } from "./context.ts";
import { toInputRefusal, toTRPCError } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const cause = error.cause;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      // Unexpected failures never leak their text in production.
      message:
        internal && ctx?.production !== false
          ? "Something went wrong on our side. Try again."
          : shape.message,
      data: {
        ...shape.data,
        // Stack traces only outside production.
        stack: ctx?.production === false ? shape.data.stack : undefined,
        details: isDomainError(cause) ? (cause.details ?? null) : null,
        fieldErrors: cause instanceof ZodError ? cause.flatten().fieldErrors : null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

/**
 * Maps DomainErrors thrown anywhere below into typed tRPC errors, and says in words what is
 * wrong with a refused input.
 */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
    const refusal = toInputRefusal(result.error);
    if (refusal) throw refusal;
  }
  return result;
});

/** Anyone, signed in or not. */
export const publicProcedure = t.procedure.use(domainErrors);

/** A signed-in, active member of an organization. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, actor: ctx.actor } });
});

/** What a signed-in procedure's service is called with. */
export type AuthedContext = Context & { actor: Actor };

/** A service as a procedure calls it: the signed-in context and the validated input. */
type Service<S extends z.ZodType, O> = (ctx: AuthedContext, input: z.output<S>) => Promise<O>;

/**
 * A signed-in query that is all a procedure should be (ARCHITECTURE: validate with zod, call
 * ONE service, return): `service(ctx, input)` answers it. The service asks its own permission
 * rule, so routes and workers that call it without tRPC get the same answer.
 */
export const serviceQuery = <S extends z.ZodType, O>(schema: S, service: Service<S, O>) =>
  authedProcedure.input(schema).query(({ ctx, input }) => service(ctx, input as z.output<S>));

/** A signed-in mutation that calls one service, like serviceQuery. */
export const serviceMutation = <S extends z.ZodType, O>(schema: S, service: Service<S, O>) =>
  authedProcedure.input(schema).mutation(({ ctx, input }) => service(ctx, input as z.output<S>));

/**
 * The dev mailbox: only where the web turned it on (ctx.devMailbox); everywhere else it does
 * not exist (NOT_FOUND). "signed-in" additionally needs a session.
 */
export const devMailboxProcedure = publicProcedure.use(({ ctx, next }) => {
  const access = ctx.devMailbox ?? "off";
  if (access === "off") {
    throw new TRPCError({ code: "NOT_FOUND", message: "There is no dev mailbox on this server." });
  }
  if (access === "signed-in" && !ctx.actor) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next();
});
