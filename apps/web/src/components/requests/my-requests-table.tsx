"use client";

import { Fragment, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation, useQueryClient, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { CircleCheck, KeyRound, X } from "lucide-react";
import { describeOutcome } from "@lantern/domain";
import { ErrorAlert } from "~/components/ui/error-alert";
import { AppIcon } from "~/components/ui/app-icon";
import { Badge } from "~/components/ui/badge";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { EmptyState } from "~/components/ui/empty-state";
import { ShowMore } from "~/components/ui/show-more";
import { TableFrame, tableClass, theadClass } from "~/components/ui/table";
import { cn } from "~/lib/cn";
import { formatAgo, formatDateTime } from "~/lib/format";
import { useTRPC } from "~/trpc/react";
import { apiError, fieldError, type ApiError } from "~/trpc/errors";
import {
  canWithdraw,
  durationLabel,
  MY_REQUESTS_PAGE_SIZE,
  REQUEST_STATE,
  taskKindLabel,
  untrackedWhere,
  type MyRequest,
} from "./request-state.ts";
import { refreshQueries } from "~/trpc/refresh";
import { nextPage } from "~/trpc/pages";
import { RequestAccessLink } from "./request-access-link.tsx";

const headCell = "px-3 py-2.5 first:pl-4 last:pr-4";
const bodyCell = "px-3 py-3 align-top first:pl-4 last:pr-4";

/** "Organization member in GitHub" */
const accessName = (r: Pick<MyRequest, "entitlement" | "app">) =>
  `${r.entitlement.displayName} in ${r.app.name}`;

/** The viewer's requests, newest first, with "Show more", withdrawing and the notices. */
export function MyRequestsTable({ requestedId }: { requestedId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const query = useSuspenseInfiniteQuery(
    trpc.requests.mine.infiniteQueryOptions({ limit: MY_REQUESTS_PAGE_SIZE }, nextPage),
  );
  const rows = query.data.pages.flatMap((p) => p.items);
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [withdrawn, setWithdrawn] = useState<MyRequest | null>(null);
  const withdrawButtons = useRef(new Map<string, HTMLButtonElement>());

  const created = requestedId ? (rows.find((r) => r.id === requestedId) ?? null) : null;

  if (rows.length === 0) {
    return (
      <EmptyState icon={<KeyRound className="size-8" />} title="You have not asked for access yet">
        <p>
          Need an app, a role or a license for your work? Ask for it here: the right people approve
          it, someone sets it up, and you can follow every step on this page.
        </p>
        <RequestAccessLink className="mt-5" />
      </EmptyState>
    );
  }

  return (
    <div className="space-y-4">
      {requestedId ? <CreatedNotice request={created} /> : null}
      {withdrawn ? (
        <SuccessNotice onDismiss={() => setWithdrawn(null)}>
          You withdrew your request for <strong>{accessName(withdrawn)}</strong>
          {withdrawn.latestTask ? ` (task #${withdrawn.latestTask.number} is cancelled)` : ""}.
        </SuccessNotice>
      ) : null}

      <TableFrame>
        <table className={tableClass}>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={headCell}>
                Access
              </th>
              <th scope="col" className={`w-[20%] ${headCell}`}>
                Reason
              </th>
              <th scope="col" className={`w-40 ${headCell}`}>
                Status
              </th>
              <th scope="col" className={`w-[24%] ${headCell}`}>
                Where it is
              </th>
              <th scope="col" className={`w-28 ${headCell}`}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row) => (
              <Fragment key={row.id}>
                <tr
                  className={cn(
                    row.id === requestedId ? "bg-brand-50/60" : "hover:bg-zinc-50",
                    withdrawing === row.id && "bg-zinc-50",
                  )}
                >
                  <td className={bodyCell}>
                    <AccessCell request={row} />
                  </td>
                  <td className={bodyCell}>
                    <p className="line-clamp-2 text-zinc-700" title={row.reason}>
                      {row.reason}
                    </p>
                    {row.kind === "GRANT" && row.durationDays !== null ? (
                      <p className="text-muted mt-0.5 text-xs">
                        For {durationLabel(row.durationDays)}
                      </p>
                    ) : null}
                  </td>
                  <td className={bodyCell}>
                    <Badge tone={REQUEST_STATE[row.state].tone}>
                      {REQUEST_STATE[row.state].label}
                    </Badge>
                  </td>
                  <td className={bodyCell}>
                    <WhereCell request={row} />
                  </td>
                  <td className={`${bodyCell} text-right`}>
                    {canWithdraw(row) ? (
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) withdrawButtons.current.set(row.id, el);
                          else withdrawButtons.current.delete(row.id);
                        }}
                        onClick={() => setWithdrawing(withdrawing === row.id ? null : row.id)}
                        aria-expanded={withdrawing === row.id}
                        aria-controls={withdrawing === row.id ? `withdraw-${row.id}` : undefined}
                        aria-label={`Withdraw your request for ${accessName(row)}`}
                        className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 shadow-xs hover:bg-zinc-50 hover:text-zinc-900 aria-expanded:bg-zinc-100"
                      >
                        Withdraw
                      </button>
                    ) : null}
                  </td>
                </tr>
                {withdrawing === row.id ? (
                  <tr id={`withdraw-${row.id}`} className="bg-zinc-50">
                    <td colSpan={5} className="px-4 pt-0 pb-4">
                      <WithdrawForm
                        request={row}
                        onClose={(done) => {
                          setWithdrawing(null);
                          if (done) {
                            setWithdrawn(row);
                            // The "you asked for" notice is history now.
                            if (requestedId) router.replace("/my-requests", { scroll: false });
                          } else withdrawButtons.current.get(row.id)?.focus();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        <ShowMore query={query} label="Show more requests" />
      </TableFrame>
    </div>
  );
}

function AccessCell({ request }: { request: MyRequest }) {
  return (
    <div className="flex min-w-0 items-start gap-3">
      <AppIcon name={request.app.name} size="sm" />
      <div className="min-w-0">
        <p className="truncate font-medium text-zinc-950" title={request.entitlement.displayName}>
          {request.kind === "REVOKE" ? (
            <span className="text-muted mr-1.5 text-xs font-medium uppercase">Remove</span>
          ) : null}
          {request.entitlement.displayName}
        </p>
        <p className="text-muted truncate text-xs">
          <Link href={`/apps/${request.app.id}`} className="hover:text-zinc-800 hover:underline">
            {request.app.name}
          </Link>
          <span aria-hidden> · </span>
          <time
            dateTime={new Date(request.createdAt).toISOString()}
            title={formatDateTime(request.createdAt)}
          >
            requested {formatAgo(request.createdAt)}
          </time>
        </p>
      </div>
    </div>
  );
}

function WhereCell({ request }: { request: MyRequest }) {
  const task = request.latestTask;
  if (!task) return <p className="text-zinc-600">{untrackedWhere(request)}</p>;
  const open = task.state === "OPEN";
  const noteLabel =
    request.state === "DENIED"
      ? "Denied"
      : request.state === "ERRORED"
        ? "Error"
        : request.state === "CANCELLED"
          ? "Withdrawn"
          : "Note";
  return (
    <div className="min-w-0">
      <p className="flex items-baseline gap-1.5">
        <Link
          href={`/tasks/${task.number}`}
          className="font-mono text-sm font-medium text-zinc-950 underline decoration-zinc-300 underline-offset-2 hover:decoration-zinc-700"
          aria-label={`Task #${task.number}, ${taskKindLabel(task.kind).toLowerCase()}`}
        >
          #{task.number}
        </Link>
        <span className="text-muted truncate text-xs">{taskKindLabel(task.kind)}</span>
      </p>
      {open ? (
        <p className="mt-0.5 truncate text-xs text-zinc-600" title={task.assignees.join(", ")}>
          {task.assignees.length > 0 ? (
            <>
              With <span className="font-medium text-zinc-800">{task.assignees[0]}</span>
              {task.assignees.length > 1 ? ` +${task.assignees.length - 1}` : ""}
            </>
          ) : (
            "Not assigned to anyone yet"
          )}
        </p>
      ) : task.outcomeNote ? (
        <p
          className={cn(
            "mt-0.5 line-clamp-2 text-xs",
            request.state === "DENIED" || request.state === "ERRORED"
              ? "text-rose-700"
              : "text-zinc-600",
          )}
          title={task.outcomeNote}
        >
          <span className="font-medium">{noteLabel}:</span> {task.outcomeNote}
        </p>
      ) : request.state === "COMPLETED" ? (
        <p className="mt-0.5 text-xs text-zinc-600">
          {request.kind === "GRANT" ? "Access granted" : "Access removed"}
        </p>
      ) : null}
    </div>
  );
}

function WithdrawForm({
  request,
  onClose,
}: {
  request: MyRequest;
  onClose: (withdrawn: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const cancel = useMutation(
    trpc.requests.cancel.mutationOptions({
      onSuccess: async () => {
        // Its open tasks are cancelled too: they leave the inboxes and their badges.
        await refreshQueries(queryClient, [
          trpc.requests.pathKey(),
          trpc.tasks.pathKey(),
          trpc.me.openTaskCounts.queryKey(),
        ]);
        onClose(true);
      },
      onError: (e) => setError(apiError(e)),
    }),
  );
  const reasonError = missing ? "A reason is required." : fieldError(error, "reason");
  const formError = error && !error.fieldErrors ? error.message : null;
  const id = `withdraw-reason-${request.id}`;

  return (
    <form
      noValidate
      aria-label={`Withdraw your request for ${accessName(request)}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (cancel.isPending) return;
        if (!reason.trim()) {
          setMissing(true);
          return;
        }
        setError(null);
        cancel.mutate({ requestId: request.id, reason: reason.trim() });
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !cancel.isPending) onClose(false);
      }}
      className="rounded-lg border border-zinc-200 bg-white p-4 shadow-xs"
    >
      <p className="text-sm font-medium text-zinc-900">
        Withdraw your request for {accessName(request)}?
      </p>
      <p className="text-muted mt-0.5 text-xs">
        {request.latestTask
          ? `Task #${request.latestTask.number} is cancelled and leaves the approver's inbox. `
          : ""}
        You can ask again later.
      </p>
      {formError ? <ErrorAlert className="mt-3">{formError}</ErrorAlert> : null}
      <label htmlFor={id} className="mt-3 block text-sm font-medium text-zinc-800">
        Why are you withdrawing it?
      </label>
      <textarea
        id={id}
        autoFocus
        rows={2}
        maxLength={2000}
        value={reason}
        onChange={(e) => {
          setReason(e.target.value);
          if (e.target.value.trim()) setMissing(false);
        }}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby={reasonError ? `${id}-error` : undefined}
        placeholder="e.g. The project was cancelled"
        className={cn(
          "placeholder:text-faint mt-1.5 block w-full max-w-2xl rounded-md border bg-white px-3 py-2 text-sm shadow-xs focus:outline-none",
          reasonError
            ? "border-rose-400 focus:border-rose-500"
            : "border-zinc-300 focus:border-zinc-500",
        )}
      />
      {reasonError ? (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-700">
          {reasonError}
        </p>
      ) : null}
      <div className="mt-3 flex items-center gap-2">
        <button type="submit" className={primaryButton} disabled={cancel.isPending}>
          {cancel.isPending ? "Withdrawing…" : "Withdraw request"}
        </button>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => onClose(false)}
          disabled={cancel.isPending}
        >
          Keep it
        </button>
      </div>
    </form>
  );
}

/** After a new request: what was asked and where it went. */
function CreatedNotice({ request }: { request: MyRequest | null }) {
  const router = useRouter();
  const dismiss = () => router.replace("/my-requests", { scroll: false });
  if (!request) {
    return <SuccessNotice onDismiss={dismiss}>Your request was sent.</SuccessNotice>;
  }
  // What happens next, in the words every outcome message uses (describeOutcome).
  const next = request.next ? describeOutcome(request.next, request.kind) : null;
  return (
    <SuccessNotice onDismiss={dismiss}>
      You asked for <strong>{accessName(request)}</strong>.{" "}
      {next ? (
        <>
          {next.title}. {next.detail}
          {next.taskNumber !== null ? (
            <>
              {" "}
              <Link
                href={`/tasks/${next.taskNumber}`}
                className="font-medium underline underline-offset-2"
              >
                Open task #{next.taskNumber}
              </Link>
            </>
          ) : null}
        </>
      ) : (
        <>It is {REQUEST_STATE[request.state].label.toLowerCase()}.</>
      )}
    </SuccessNotice>
  );
}

function SuccessNotice({
  children,
  onDismiss,
}: {
  children: React.ReactNode;
  onDismiss: () => void;
}) {
  return (
    <div
      role="status"
      className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
    >
      <CircleCheck className="mt-0.5 size-4 shrink-0 text-emerald-600" aria-hidden />
      <p className="flex-1">{children}</p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label="Dismiss"
        className="-m-1 rounded p-1 text-emerald-700 hover:bg-emerald-100"
      >
        <X className="size-4" aria-hidden />
      </button>
    </div>
  );
}
