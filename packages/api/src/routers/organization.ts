import { ZUpdateOrganizationInput } from "../schemas/organization.ts";
import {
  getOrganization,
  getOrganizationSettings,
  updateOrganization,
} from "../services/organization.ts";
import { authedProcedure, serviceMutation, router } from "../trpc.ts";

export const organizationRouter = router({
  get: authedProcedure.query(({ ctx }) => getOrganization(ctx)),
  /** The editable settings with the default policies' names; super admins only. */
  settings: authedProcedure.query(({ ctx }) => getOrganizationSettings(ctx)),
  /**
   * Changes some settings (absent fields stay) with an "organization.updated" Event;
   * canManageOrganization. Default policies must be the organization's own (or null).
   */
  update: serviceMutation(ZUpdateOrganizationInput, updateOrganization),
});
