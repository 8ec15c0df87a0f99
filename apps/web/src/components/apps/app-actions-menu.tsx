"use client";

import dynamic from "next/dynamic";
import { useRef, useState } from "react";
import { MoreHorizontal, Settings, Shuffle, Upload } from "lucide-react";
import { Menu, MenuContent, MenuItem, MenuLink, MenuTrigger } from "~/components/ui/menu";
import { secondaryButton } from "~/components/ui/button";
import { cn } from "~/lib/cn";

const MappingSettingsDialog = dynamic(() => import("./mapping-settings-dialog"), { ssr: false });
const ImportDialog = dynamic(() => import("~/components/imports/import-dialog"), { ssr: false });

/**
 * The app's … menu in its header (SPEC §4.2, §4.6), for those who may manage the app (super
 * admins and its owners): App settings, Account mapping settings, and Import accounts.
 */
export function AppActionsMenu({
  appId,
  appName,
  mappingMode,
}: {
  appId: string;
  appName: string;
  mappingMode: "NARROW" | "BROAD";
}) {
  const [open, setOpen] = useState<"mapping" | "import" | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  // The dialogs open from a menu that is gone by then: focus goes back to the … button.
  const backToTrigger = (event: Event) => {
    event.preventDefault();
    trigger.current?.focus();
  };
  const close = (next: boolean) => {
    if (!next) setOpen(null);
  };
  return (
    <>
      <Menu>
        <MenuTrigger
          ref={trigger}
          aria-label={`More actions for ${appName}`}
          className={cn(secondaryButton, "px-2.5")}
        >
          <MoreHorizontal className="size-4" aria-hidden />
        </MenuTrigger>
        <MenuContent>
          <MenuLink href={`/apps/${appId}/settings`}>
            <Settings aria-hidden />
            App settings
          </MenuLink>
          <MenuItem onSelect={() => setOpen("mapping")}>
            <Shuffle aria-hidden />
            Account mapping settings
          </MenuItem>
          <MenuItem onSelect={() => setOpen("import")}>
            <Upload aria-hidden />
            Import accounts…
          </MenuItem>
        </MenuContent>
      </Menu>
      {open === "mapping" ? (
        <MappingSettingsDialog
          appId={appId}
          appName={appName}
          mode={mappingMode}
          onOpenChange={close}
          onCloseAutoFocus={backToTrigger}
        />
      ) : null}
      {open === "import" ? (
        <ImportDialog
          target={{ kind: "app", appId, appName }}
          mappingMode={mappingMode}
          onOpenChange={close}
          onCloseAutoFocus={backToTrigger}
        />
      ) : null}
    </>
  );
}
