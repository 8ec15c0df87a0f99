"use client";

import { useState } from "react";
import dynamic from "next/dynamic";
import { Ellipsis, RotateCcw, Shapes, UserRoundPen, UserRoundX } from "lucide-react";
import { actionError } from "~/trpc/errors";
import { Menu, MenuContent, MenuItem, MenuSeparator, MenuTrigger } from "~/components/ui/menu";
import { toast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import { useTRPCClient } from "~/trpc/react";
import type { AccountActionsTarget } from "./account-target.ts";
import { useAccountsChanged } from "./use-account-actions.ts";

// The dialogs load when first opened: a list of accounts stays light.
const SetOwnerDialog = dynamic(() => import("./set-owner-dialog.tsx"), { ssr: false });
const SetTypeDialog = dynamic(() => import("./set-type-dialog.tsx"), { ssr: false });
const preloadDialogs = () => {
  void import("./set-owner-dialog.tsx");
  void import("./set-type-dialog.tsx");
};

const triggerClass =
  "inline-flex size-8 items-center justify-center rounded-md text-muted hover:bg-zinc-100 hover:text-zinc-900 data-[state=open]:bg-zinc-100 data-[state=open]:text-zinc-900";

/**
 * The account … menu (SPEC §4.3, §4.4): Set account owner, Reset account owner (disabled when
 * the owner is already the matched one), Clear account owner, Set account type. Show it only
 * to people who may manage the app (apps.byId's viewerCanManage); the server checks again.
 * Deleted accounts cannot change: no menu.
 */
export function AccountActionsMenu({
  appId,
  account,
  className,
}: {
  appId: string;
  account: AccountActionsTarget;
  className?: string;
}) {
  const client = useTRPCClient();
  const changed = useAccountsChanged();
  const [dialog, setDialog] = useState<"owner" | "type" | null>(null);
  if (account.status === "DELETED") return null;

  const run = async (action: "reset" | "clear") => {
    try {
      const result =
        action === "reset"
          ? await client.accounts.resetOwner.mutate({ accountId: account.id })
          : await client.accounts.clearOwner.mutate({ accountId: account.id });
      const owner = result.account.owner?.displayName;
      if (action === "reset") {
        toast.success(
          owner
            ? `${account.name}: owner reset to ${owner}`
            : `${account.name}: owner reset — nobody matches`,
          { description: "Automatic mapping decides this account’s owner again." },
        );
      } else {
        toast.success(`${account.name} has no owner now`, {
          description: "Automatic mapping leaves it so until someone sets or resets its owner.",
        });
      }
    } catch (error) {
      toast.error(actionError(error).message);
    }
    await changed();
  };

  return (
    <>
      <Menu>
        <MenuTrigger
          className={cn(triggerClass, className)}
          aria-label={`Actions for account ${account.name}`}
          onPointerEnter={preloadDialogs}
          onFocus={preloadDialogs}
        >
          <Ellipsis className="size-4" aria-hidden />
        </MenuTrigger>
        <MenuContent>
          <MenuItem onSelect={() => setDialog("owner")}>
            <UserRoundPen aria-hidden /> Set account owner
          </MenuItem>
          <MenuItem onSelect={() => void run("reset")} disabled={account.ownerSource === "MATCHED"}>
            <RotateCcw aria-hidden /> Reset account owner
          </MenuItem>
          <MenuItem onSelect={() => void run("clear")} disabled={account.ownerSource === "CLEARED"}>
            <UserRoundX aria-hidden /> Clear account owner
          </MenuItem>
          <MenuSeparator />
          <MenuItem onSelect={() => setDialog("type")}>
            <Shapes aria-hidden /> Set account type
          </MenuItem>
        </MenuContent>
      </Menu>
      {dialog === "owner" ? (
        <SetOwnerDialog
          appId={appId}
          account={account}
          onOpenChange={(open) => !open && setDialog(null)}
        />
      ) : null}
      {dialog === "type" ? (
        <SetTypeDialog account={account} onOpenChange={(open) => !open && setDialog(null)} />
      ) : null}
    </>
  );
}
