"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import Link from "next/link";
import { cn } from "~/lib/cn";

/**
 * A menu of actions (Radix): opens from its trigger with the keyboard or a click, arrow keys
 * move, Enter picks, Escape closes and focus returns to the trigger.
 *
 *   <Menu>
 *     <MenuTrigger aria-label="More actions for #1042" className="…">…</MenuTrigger>
 *     <MenuContent>
 *       <MenuItem onSelect={…}>Mark as errored</MenuItem>
 *       <MenuSeparator />
 *       <MenuLink href="/tasks/1042">View details</MenuLink>
 *     </MenuContent>
 *   </Menu>
 */
/**
 * Not modal: Radix's modal menu marks the rest of the page aria-hidden while its links and
 * buttons stay focusable (axe: aria-hidden-focus, serious). A menu button's menu is not a
 * modal dialog; Escape, Tab, and a click or focus outside still close it.
 */
export function Menu(props: React.ComponentProps<typeof DropdownMenu.Root>) {
  return <DropdownMenu.Root modal={false} {...props} />;
}
export const MenuTrigger = DropdownMenu.Trigger;

export function MenuContent({
  children,
  align = "end",
  side = "bottom",
  className,
}: {
  children: React.ReactNode;
  align?: "start" | "center" | "end";
  side?: "top" | "bottom" | "left" | "right";
  className?: string;
}) {
  return (
    <DropdownMenu.Portal>
      <DropdownMenu.Content
        align={align}
        side={side}
        sideOffset={4}
        collisionPadding={8}
        className={cn(
          "z-50 min-w-44 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg",
          className,
        )}
      >
        {children}
      </DropdownMenu.Content>
    </DropdownMenu.Portal>
  );
}

const itemClass =
  "flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-zinc-700 outline-none select-none data-[disabled]:cursor-not-allowed data-[disabled]:opacity-50 data-[highlighted]:bg-zinc-100 data-[highlighted]:text-zinc-950 [&_svg]:size-4 [&_svg]:text-faint";

export function MenuItem({
  children,
  onSelect,
  disabled,
  tone = "default",
}: {
  children: React.ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  /** "danger" for destructive actions (deny, cancel). */
  tone?: "default" | "danger";
}) {
  return (
    <DropdownMenu.Item
      onSelect={onSelect}
      disabled={disabled}
      className={cn(itemClass, tone === "danger" && "text-rose-700 [&_svg]:text-rose-500")}
    >
      {children}
    </DropdownMenu.Item>
  );
}

export function MenuLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <DropdownMenu.Item asChild>
      <Link href={href} className={itemClass}>
        {children}
      </Link>
    </DropdownMenu.Item>
  );
}

export function MenuSeparator() {
  return <DropdownMenu.Separator className="my-1 h-px bg-zinc-100" />;
}
