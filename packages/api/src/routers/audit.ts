import { router } from "../trpc.ts";

/** The audit log (SPEC §1 Events), for super admins. */
export const auditRouter = router({});
