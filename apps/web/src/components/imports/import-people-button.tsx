"use client";

import dynamic from "next/dynamic";
import { useState } from "react";
import { Upload } from "lucide-react";
import { secondaryButton } from "~/components/ui/button";

const ImportDialog = dynamic(() => import("./import-dialog"), { ssr: false });

/** Users page (super admins): Import people from a CSV or JSON file (SPEC §4.6). */
export function ImportPeopleButton({ organizationName }: { organizationName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={secondaryButton} onClick={() => setOpen(true)}>
        <Upload className="size-4" aria-hidden />
        Import people
      </button>
      {open ? (
        <ImportDialog
          target={{ kind: "people", organizationName }}
          onOpenChange={(next) => setOpen(next)}
        />
      ) : null}
    </>
  );
}
