import type { Db } from "./factories.ts";

/**
 * Deletes an organization and everything in it, in one statement: every table cascades
 * from Organization, references between its rows are checked at the end of the
 * statement, and the append-only Event trigger lets events go only with their
 * organization.
 */
export async function deleteOrganization(db: Db, organizationId: string): Promise<void> {
  await db.organization.delete({ where: { id: organizationId } });
}
