import type { Actor } from "@lantern/domain";
import type { Context } from "../../context.ts";

// What a service is called with. The tRPC context satisfies both; routes, pages and the
// worker build them from a session or a job.

/** What a command needs: the database, the clock and the signed-in person. */
export type ServiceContext = Pick<Context, "db" | "now"> & { actor: Actor };

/** What a read needs: the database and the signed-in person. */
export type ReadContext = Pick<Context, "db"> & { actor: Actor };
