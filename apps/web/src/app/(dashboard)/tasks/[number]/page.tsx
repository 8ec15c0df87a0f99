import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TaskPage } from "~/components/tasks/task-page";
import { requireActor } from "~/server/auth/session";
import { orNotFound } from "~/server/page-load";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Params = Promise<{ number: string }>;

/** "1042" or "#1042" (as people copy it); anything else is not a task. */
function taskNumber(raw: string): number {
  const match = /^#?(\d{1,10})$/.exec(decodeURIComponent(raw));
  const number = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(number) || number < 1 || number > 2_000_000_000) notFound();
  return number;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `Task #${taskNumber((await params).number)}` };
}

/**
 * The task page (SPEC §3.5), a deep link of every task email and Slack message. A task of
 * another organization, or one the viewer may not see, is "not found" (the server says
 * NOT_FOUND for both).
 */
export default async function TaskRoute({ params }: { params: Params }) {
  const number = taskNumber((await params).number);
  // The page renders alongside the layout: check the session here too, so a signed-out
  // visit goes to sign-in and comes back here.
  await requireActor();
  await orNotFound(() => getQueryClient().fetchQuery(trpc.tasks.byNumber.queryOptions({ number })));
  return (
    <HydrateClient>
      <TaskPage number={number} />
    </HydrateClient>
  );
}
