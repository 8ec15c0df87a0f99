"use client";

import { Ellipsis, FileText, TriangleAlert, UserRoundPen, X } from "lucide-react";
import {
  Menu,
  MenuContent,
  MenuItem,
  MenuLink,
  MenuSeparator,
  MenuTrigger,
} from "~/components/ui/menu";
import { cn } from "~/lib/cn";
import { ACTION_LABEL, PRIMARY_ACTION, type TaskAction, type TaskKind } from "./actions.ts";
import { ACTION_KEY } from "./shortcuts.ts";

export const compactPrimary =
  "inline-flex items-center justify-center rounded-md bg-zinc-900 px-2.5 py-1.5 text-[13px] font-medium whitespace-nowrap text-white shadow-sm hover:bg-zinc-800 disabled:opacity-60";
export const iconButton =
  "inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100 data-[state=open]:text-zinc-900";

/** The secondary actions of a task: its … menu (row and task page alike). */
export function TaskActionMenu({
  number,
  kind,
  onAction,
  canReassign = true,
  showDetails = true,
  className,
  rowId,
}: {
  number: number;
  kind: TaskKind;
  onAction: (action: TaskAction) => void;
  canReassign?: boolean;
  showDetails?: boolean;
  className?: string;
  /** Marks the trigger so focus can come back to it after a dialog (`data-row-menu`). */
  rowId?: string;
}) {
  return (
    <Menu>
      <MenuTrigger
        className={cn(iconButton, className)}
        aria-label={`More actions for task #${number}`}
        data-row-menu={rowId}
      >
        <Ellipsis className="size-4" aria-hidden />
      </MenuTrigger>
      <MenuContent>
        {kind === "APPROVAL" ? (
          <MenuItem onSelect={() => onAction("deny")} tone="danger">
            <X aria-hidden /> Deny
          </MenuItem>
        ) : (
          <MenuItem onSelect={() => onAction("mark_errored")}>
            <TriangleAlert aria-hidden /> Mark as errored
          </MenuItem>
        )}
        {canReassign ? (
          <MenuItem onSelect={() => onAction("reassign")}>
            <UserRoundPen aria-hidden /> Reassign
          </MenuItem>
        ) : null}
        {showDetails ? (
          <>
            <MenuSeparator />
            <MenuLink href={`/tasks/${number}`}>
              <FileText aria-hidden /> View details
            </MenuLink>
          </>
        ) : null}
      </MenuContent>
    </Menu>
  );
}

/** A row's actions: the work the task asks for, then the … menu. */
export function TaskRowActions({
  id,
  number,
  kind,
  onAction,
}: {
  id: string;
  number: number;
  kind: TaskKind;
  onAction: (action: TaskAction) => void;
}) {
  const primary = PRIMARY_ACTION[kind];
  return (
    <div className="flex items-center justify-end gap-1">
      <button
        type="button"
        className={compactPrimary}
        onClick={() => onAction(primary)}
        aria-label={`${ACTION_LABEL[primary]} #${number}`}
        aria-keyshortcuts={ACTION_KEY[kind]}
        data-primary-action={id}
      >
        {ACTION_LABEL[primary]}
      </button>
      <TaskActionMenu number={number} kind={kind} onAction={onAction} rowId={id} />
    </div>
  );
}
