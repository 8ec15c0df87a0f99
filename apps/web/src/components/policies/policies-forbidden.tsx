import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { primaryButton } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { PageHeader } from "~/components/ui/page-header";

/** What a member sees on the policy pages: the API's refusal, and the way back. */
export function PoliciesForbidden({ message }: { message: string }) {
  return (
    <>
      <PageHeader title="Policies" />
      <Notice
        tone="brand"
        icon={<ShieldAlert className="size-6" />}
        title={message.replace(/\.$/, "")}
        actions={
          <Link href="/apps" className={primaryButton}>
            Back to Applications
          </Link>
        }
      >
        The policy that applies to a request is shown on the request form.
      </Notice>
    </>
  );
}
