import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * Lantern's configuration, validated once at start-up. The only module that reads
 * process.env (besides scripts and tests). See the README's configuration table.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** PostgreSQL. Unset: the embedded database, and Lantern runs in demo mode. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// connection string.")
      .optional(),
    /** Where the embedded database lives (set by the start script; default ./.lantern/pgdata). */
    LANTERN_DATA_DIR: z.string().optional(),
    /** Signs session tokens. The start script generates one for demo mode. */
    NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters."),
    /** The public URL of Lantern, used in sign-in links and deep links. */
    NEXTAUTH_URL: z.url().default("http://localhost:3000"),
    /** Generic OpenID Connect provider (Okta, Entra ID, Google Workspace, …). */
    AUTH_OIDC_ISSUER: z.url().optional(),
    AUTH_OIDC_CLIENT_ID: z.string().optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().optional(),
    AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  // `next build` evaluates modules without runtime configuration.
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});

/**
 * Demo mode: the embedded database with the demo organization. Only then does the demo
 * sign-in exist. It cannot be switched on with PostgreSQL (production mode).
 */
export const demoMode = !env.DATABASE_URL;

export const oidcConfigured = Boolean(
  env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_CLIENT_ID && env.AUTH_OIDC_CLIENT_SECRET,
);
