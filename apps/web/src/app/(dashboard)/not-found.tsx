import Link from "next/link";
import { Compass } from "lucide-react";
import { primaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";

/** `notFound()` inside the dashboard: the navigation stays, the page says what happened. */
export default function DashboardNotFound() {
  return (
    <Notice
      icon={<Compass className="size-6" />}
      title="Page not found"
      actions={
        <Link href="/apps" className={primaryButton}>
          Back to Applications
        </Link>
      }
    >
      This page does not exist, or it belongs to another organization. Check the link, or start
      again from Applications.
    </Notice>
  );
}
