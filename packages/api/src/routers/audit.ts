import { ZListAuditInput } from "../schemas/audit.ts";
import { listAuditActions, listAuditEvents } from "../services/audit.ts";
import { authedProcedure, serviceQuery, router } from "../trpc.ts";

/**
 * The audit log (SPEC §1 Events), for super admins and auditors: the services ask canViewAuditLog and
 * answer FORBIDDEN otherwise. The CSV export is the web's /api/audit/export.
 */
export const auditRouter = router({
  /** Events newest first, filtered; keyset pages of at most 100. */
  list: serviceQuery(ZListAuditInput, listAuditEvents),
  /** The distinct actions of the organization's events, A→Z, for the action filter. */
  actions: authedProcedure.query(({ ctx }) => listAuditActions(ctx)),
});
