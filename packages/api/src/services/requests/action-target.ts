import { DomainError, type Actor } from "@lantern/domain";
import { loadRequest } from "../workflow/engine.ts";
import { type Tx } from "../shared/records.ts";

// The request a person acts on (cancel, retry): of their organization, or NOT_FOUND.

export async function requestForAction(tx: Tx, actor: Actor, requestId: string) {
  const found = await tx.request.findFirst({
    where: { id: requestId, organizationId: actor.organizationId },
    select: { id: true },
  });
  if (!found) throw new DomainError("NOT_FOUND", "This request does not exist.");
  return loadRequest(tx, found.id);
}
