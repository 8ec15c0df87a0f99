"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { useQuery } from "@tanstack/react-query";
import { ChevronsUpDown, LogOut, Settings } from "lucide-react";
import { signOut } from "next-auth/react";
import Link from "next/link";
import { Avatar } from "~/components/ui/avatar";
import { useTRPC } from "~/trpc/react";
import { ROLE_LABEL } from "~/components/users/person-labels";

export function UserMenu() {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const name = me.data?.displayName ?? "…";
  return (
    // Not modal, as every menu of Lantern (ui/menu.tsx says why).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex w-full items-center gap-2.5 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 data-[state=open]:bg-zinc-100"
        aria-label="Account menu"
      >
        <Avatar name={name} />
        <span className="min-w-0 flex-1 leading-tight">
          <span className="block truncate text-sm font-medium text-zinc-900">{name}</span>
          <span className="text-muted block truncate text-xs">{me.data?.email}</span>
        </span>
        <ChevronsUpDown className="text-faint size-4" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          side="top"
          align="start"
          sideOffset={6}
          className="z-50 w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg"
        >
          <div className="px-2 py-1.5">
            <p className="truncate text-sm font-medium text-zinc-900">{name}</p>
            <p className="text-muted truncate text-xs">
              {me.data ? ROLE_LABEL[me.data.role] : "Member"} · {me.data?.organization.name}
            </p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />
          <DropdownMenu.Item asChild>
            <Link
              href="/settings"
              className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-700 outline-none data-[highlighted]:bg-zinc-100"
            >
              <Settings className="text-faint size-4" /> Settings
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut({ callbackUrl: "/sign-in" })}
            className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-700 outline-none data-[highlighted]:bg-zinc-100"
          >
            <LogOut className="text-faint size-4" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
