import { z } from "zod";

// The fuzz test's settings (packages/api/README.md, "Fuzz test"):
//   FUZZ_RUNS     generated inputs per procedure and role: default 50 on PostgreSQL (CI), 20 on
//                 the embedded PGlite (one session: every call waits its turn)
//   FUZZ_SEED     fast-check's seed, to replay a run it printed
//   DATABASE_URL  PostgreSQL to test on (createTestDatabase); unset: PGlite

const RUNS_MESSAGE = "FUZZ_RUNS is a whole number of runs, at least 1.";

const ZFuzzEnv = z.object({
  FUZZ_RUNS: z.coerce
    .number({ error: RUNS_MESSAGE })
    .int(RUNS_MESSAGE)
    .min(1, RUNS_MESSAGE)
    .optional(),
  FUZZ_SEED: z.coerce.number({ error: "FUZZ_SEED is a whole number." }).int().optional(),
  DATABASE_URL: z.string().optional(),
});

export interface FuzzSettings {
  runs: number;
  seed: number | undefined;
  database: "PostgreSQL" | "PGlite";
}

/** The settings, or an error naming the bad one. */
export function fuzzSettings(env: Record<string, string | undefined> = process.env): FuzzSettings {
  const parsed = ZFuzzEnv.safeParse({
    FUZZ_RUNS: env.FUZZ_RUNS || undefined,
    FUZZ_SEED: env.FUZZ_SEED || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
  });
  if (!parsed.success) throw new Error(z.prettifyError(parsed.error));
  const database = parsed.data.DATABASE_URL ? "PostgreSQL" : "PGlite";
  return {
    runs: parsed.data.FUZZ_RUNS ?? (database === "PostgreSQL" ? 50 : 20),
    seed: parsed.data.FUZZ_SEED,
    database,
  };
}
