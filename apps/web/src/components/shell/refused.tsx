import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { primaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";

/** What a viewer the API refuses sees in place of a page's content: why, and the way back. */
export function Refused({
  title,
  back,
  children,
}: {
  title: string;
  back: { href: string; label: string };
  children?: React.ReactNode;
}) {
  return (
    <Notice
      tone="brand"
      icon={<ShieldAlert className="size-6" />}
      title={title}
      actions={
        <Link href={back.href} className={primaryButton}>
          {back.label}
        </Link>
      }
    >
      {children}
    </Notice>
  );
}

/** A whole page refused: its header (title, and a breadcrumb if any), then `Refused`. */
export function RefusedPage({
  page,
  breadcrumb,
  ...refused
}: React.ComponentProps<typeof Refused> & { page: string; breadcrumb?: React.ReactNode }) {
  return (
    <>
      <PageHeader title={page}>{breadcrumb}</PageHeader>
      <Refused {...refused} />
    </>
  );
}
