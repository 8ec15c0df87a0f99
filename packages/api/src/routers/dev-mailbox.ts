import { ZDevEmailInput, ZDevMailboxListInput } from "../schemas/dev-mailbox.ts";
import { getDevEmail, listDevEmails } from "../services/dev-mailbox.ts";
import { devMailboxProcedure, router } from "../trpc.ts";

export const devMailboxRouter = router({
  list: devMailboxProcedure
    .input(ZDevMailboxListInput)
    .query(({ ctx, input }) => listDevEmails(ctx, input)),
  byId: devMailboxProcedure
    .input(ZDevEmailInput)
    .query(({ ctx, input }) => getDevEmail(ctx, input)),
});
