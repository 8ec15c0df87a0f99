"use client";

import { Ellipsis, RotateCcw, TriangleAlert, UserRoundPen, X } from "lucide-react";
import { Breadcrumb } from "~/components/shell/breadcrumb";
import { Badge } from "~/components/ui/badge";
import { primaryButton, secondaryButton } from "~/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuTrigger } from "~/components/ui/menu";
import { PageHeader } from "~/components/ui/page-header";
import { cn } from "~/lib/cn";
import { ACTION_LABEL, KIND_LABEL } from "./actions.ts";
import { askOf, OUTCOME_BADGE, STATE_BADGE } from "./task-labels.ts";
import { iconButton } from "./task-row-actions.tsx";
import type { TaskPageState } from "./use-task-page.ts";

/**
 * The task page's header: number, kind and state; what is asked; the actions the viewer may
 * take (the main one, deny or mark as errored, retry, and a menu with reassign and cancel);
 * the way back to the inbox and the viewer's part.
 */
export function TaskPageHeader({ page }: { page: TaskPageState }) {
  const { task, primary, actionKey, setAction, setRequestAction } = page;
  const can = task.viewer.can;
  const box = task.kind === "DEPROVISION" ? "revocations" : "requests";
  const state = task.outcome ? OUTCOME_BADGE[task.outcome] : STATE_BADGE[task.state];
  return (
    <PageHeader
      title={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span>Task #{task.number}</span>
          <Badge tone="neutral">{KIND_LABEL[task.kind]}</Badge>
          <Badge tone={state.tone}>{state.label}</Badge>
        </span>
      }
      description={askOf(task)}
      actions={
        <>
          {can.act ? (
            <>
              {task.kind === "APPROVAL" ? (
                <button type="button" className={secondaryButton} onClick={() => setAction("deny")}>
                  <X className="text-muted size-4" aria-hidden /> Deny
                </button>
              ) : (
                <button
                  type="button"
                  className={secondaryButton}
                  onClick={() => setAction("mark_errored")}
                >
                  <TriangleAlert className="text-muted size-4" aria-hidden /> Mark as errored
                </button>
              )}
              <button
                ref={page.primaryRef}
                type="button"
                className={primaryButton}
                onClick={() => setAction(primary)}
                aria-keyshortcuts={actionKey}
                title={`Shortcut: ${actionKey}`}
              >
                {ACTION_LABEL[primary]}
              </button>
            </>
          ) : null}
          {can.retry ? (
            <button
              type="button"
              className={primaryButton}
              onClick={() => setRequestAction("retry")}
            >
              <RotateCcw className="size-4" aria-hidden /> Retry
            </button>
          ) : null}
          {can.reassign || can.cancel ? (
            <Menu>
              <MenuTrigger
                ref={page.menuButton}
                className={cn(iconButton, "size-9 border border-zinc-300 bg-white shadow-xs")}
                aria-label={`More actions for task #${task.number}`}
              >
                <Ellipsis className="size-4" aria-hidden />
              </MenuTrigger>
              <MenuContent>
                {can.reassign ? (
                  <MenuItem onSelect={() => setAction("reassign", "menu")}>
                    <UserRoundPen aria-hidden /> Reassign
                  </MenuItem>
                ) : null}
                {can.cancel ? (
                  <MenuItem onSelect={() => setRequestAction("cancel", "menu")} tone="danger">
                    <X aria-hidden /> Cancel request
                  </MenuItem>
                ) : null}
              </MenuContent>
            </Menu>
          ) : null}
        </>
      }
    >
      <Breadcrumb
        trail={[{ href: `/${box}`, label: box === "revocations" ? "Revocations" : "Requests" }]}
        current={`Task #${task.number}`}
      >
        {task.viewer.roles.length > 0 ? (
          <span className="text-muted ml-3">
            Your part: <span className="text-zinc-700">{task.viewer.roles.join(", ")}</span>
          </span>
        ) : null}
      </Breadcrumb>
    </PageHeader>
  );
}
