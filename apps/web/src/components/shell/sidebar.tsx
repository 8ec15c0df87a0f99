"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import {
  AppWindow,
  BadgeCheck,
  ClipboardCheck,
  History,
  Inbox,
  KeyRound,
  ListChecks,
  Mail,
  Menu as MenuIcon,
  Settings,
  ShieldCheck,
  UserMinus,
  Users,
  X,
} from "lucide-react";
import { cn } from "~/lib/cn";
import { useTRPC } from "~/trpc/react";
import { LanternMark } from "./logo.tsx";
import { UserMenu } from "./user-menu.tsx";

interface NavItem {
  href: string;
  label: string;
  icon: React.ComponentType<{ className?: string }>;
  badge?: number;
}

function NavLink({ item, active }: { item: NavItem; active: boolean }) {
  const Icon = item.icon;
  return (
    <Link
      href={item.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "group flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
        active ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900",
      )}
    >
      <Icon
        className={cn("size-4", active ? "text-brand-400" : "text-faint group-hover:text-zinc-600")}
      />
      <span className="flex-1">{item.label}</span>
      {item.badge ? (
        <span
          className={cn(
            "min-w-5 rounded-full px-1.5 py-0.5 text-center text-[11px] leading-none font-semibold tabular-nums",
            active ? "bg-brand-400 text-zinc-950" : "bg-brand-100 text-brand-700",
          )}
          aria-label={`${item.badge} open`}
        >
          {item.badge > 999 ? "999+" : item.badge}
        </span>
      ) : null}
    </Link>
  );
}

function NavSection({
  title,
  items,
  isActive,
}: {
  title: string;
  items: NavItem[];
  isActive: (href: string) => boolean;
}) {
  return (
    <div>
      <p className="text-muted px-2.5 pb-1.5 text-[11px] font-semibold tracking-wider uppercase">
        {title}
      </p>
      <div className="space-y-0.5">
        {items.map((item) => (
          <NavLink key={item.href} item={item} active={isActive(item.href)} />
        ))}
      </div>
    </div>
  );
}

export function Sidebar({
  organizationName,
  canViewDirectory,
  canViewPolicies = false,
  canViewAuditLog = false,
  canViewReviews = false,
  devMailbox = false,
}: {
  organizationName: string;
  /** From the shared rule (me.get's `can`): the Users directory is for administrators. */
  canViewDirectory: boolean;
  /** Approval policies and the audit log: super admins and auditors (me.get's `can`). */
  canViewPolicies?: boolean;
  canViewAuditLog?: boolean;
  /** Access reviews' campaigns: super admins and auditors (me.get's `can`). */
  canViewReviews?: boolean;
  /** Demo mode or development with no email service: link the dev mailbox. */
  devMailbox?: boolean;
}) {
  const pathname = usePathname();
  const trpc = useTRPC();
  const counts = useQuery({ ...trpc.me.openTaskCounts.queryOptions(), refetchInterval: 60_000 });
  const matches = (href: string) => pathname === href || pathname.startsWith(`${href}/`);

  const assignments: NavItem[] = [
    { href: "/requests", label: "Requests", icon: Inbox, badge: counts.data?.requests },
    {
      href: "/revocations",
      label: "Revocations",
      icon: UserMinus,
      badge: counts.data?.revocations,
    },
    { href: "/reviews/queue", label: "Reviews", icon: ListChecks, badge: counts.data?.reviews },
  ];
  // The viewer's own side: the access they have, and the access they asked for.
  const mine: NavItem[] = [
    { href: "/my-access", label: "My access", icon: BadgeCheck },
    { href: "/my-requests", label: "My requests", icon: KeyRound },
  ];
  const main: NavItem[] = [
    { href: "/apps", label: "Applications", icon: AppWindow },
    ...(canViewDirectory ? [{ href: "/users", label: "Users", icon: Users }] : []),
    ...(canViewPolicies ? [{ href: "/policies", label: "Policies", icon: ShieldCheck }] : []),
    ...(canViewReviews
      ? [{ href: "/reviews", label: "Access reviews", icon: ClipboardCheck }]
      : []),
    ...(canViewAuditLog ? [{ href: "/audit", label: "Audit log", icon: History }] : []),
    { href: "/settings", label: "Settings", icon: Settings },
  ];
  // The entry whose address is the longest match is the page's: /reviews/queue is Reviews,
  // not Access reviews.
  const current = [...assignments, ...mine, ...main]
    .map((item) => item.href)
    .filter(matches)
    .sort((a, b) => b.length - a.length)[0];
  const isActive = (href: string) => href === current;

  // Narrow screens: the navigation is a drawer opened from a top bar; it closes on navigating.
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (open && openedAt !== pathname) setOpen(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  const brand = (
    <>
      <LanternMark />
      <div className="min-w-0 leading-tight">
        <p className="text-sm font-semibold text-zinc-950">Lantern</p>
        <p className="text-muted truncate text-xs">{organizationName}</p>
      </div>
    </>
  );

  return (
    <>
      {open ? (
        <div
          className="fixed inset-0 z-30 bg-zinc-950/40 md:hidden"
          aria-hidden
          onClick={() => setOpen(false)}
        />
      ) : null}
      <aside
        className={cn(
          "fixed inset-y-0 left-0 z-40 w-56 flex-col border-r border-zinc-200 bg-white md:z-20 md:flex xl:w-60",
          open ? "flex shadow-xl" : "hidden",
        )}
      >
        <div className="flex h-14 items-center gap-2.5 border-b border-zinc-100 px-4">
          {brand}
          {open ? (
            <button
              type="button"
              onClick={() => setOpen(false)}
              aria-label="Close navigation"
              className="text-muted ml-auto inline-flex size-8 items-center justify-center rounded-md hover:bg-zinc-100 md:hidden"
            >
              <X className="size-4" aria-hidden />
            </button>
          ) : null}
        </div>
        <nav aria-label="Main" className="flex-1 space-y-6 overflow-y-auto px-3 py-4">
          <NavSection title="Assignments" items={assignments} isActive={isActive} />
          <NavSection title="Your access" items={mine} isActive={isActive} />
          <div className="space-y-0.5">
            {main.map((item) => (
              <NavLink key={item.href} item={item} active={isActive(item.href)} />
            ))}
          </div>
        </nav>
        <div className="border-t border-zinc-100 p-3">
          {devMailbox ? (
            <Link
              href="/dev/mailbox"
              className="text-muted mb-1 flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-xs font-medium hover:bg-zinc-100 hover:text-zinc-900"
            >
              <Mail className="text-faint size-3.5" aria-hidden />
              Dev mailbox
            </Link>
          ) : null}
          <UserMenu />
        </div>
      </aside>
      {/* After the sidebar: its organization name is the page's first. */}
      <div className="sticky top-0 z-20 flex h-14 items-center gap-2.5 border-b border-zinc-200 bg-white px-4 md:hidden">
        {brand}
        <button
          type="button"
          onClick={() => {
            setOpenedAt(pathname);
            setOpen(true);
          }}
          aria-label="Open navigation"
          aria-expanded={open}
          className="ml-auto inline-flex size-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100"
        >
          <MenuIcon className="size-5" aria-hidden />
        </button>
      </div>
    </>
  );
}
