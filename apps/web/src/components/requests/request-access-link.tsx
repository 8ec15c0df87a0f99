import Link from "next/link";
import { Plus } from "lucide-react";
import { primaryButton } from "~/components/ui/button";
import { cn } from "~/lib/cn";

/** "Request access": the way to the request form, from My access and My requests. */
export function RequestAccessLink({ className }: { className?: string }) {
  return (
    <Link href="/my-requests/new" className={cn(primaryButton, className)}>
      <Plus className="size-4" aria-hidden />
      Request access
    </Link>
  );
}
