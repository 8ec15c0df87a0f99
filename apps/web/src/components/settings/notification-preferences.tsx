"use client";

import { useId, useState } from "react";
import { Mail, MessageSquare, TriangleAlert } from "lucide-react";
import { Badge } from "~/components/ui/badge";
import { primaryButton } from "~/components/ui/button";
import { Checkbox } from "~/components/ui/checkbox";
import { toast } from "~/components/ui/toast";
import { actionError } from "~/trpc/errors";
import { useTRPCClient } from "~/trpc/react";

interface Preferences {
  email: boolean;
  slack: boolean;
}

function Choice({
  icon,
  label,
  description,
  badge,
  checked,
  onChange,
}: {
  icon: React.ReactNode;
  label: string;
  description: React.ReactNode;
  badge?: React.ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="flex items-start gap-3">
      <Checkbox
        id={id}
        checked={checked}
        onCheckedChange={onChange}
        aria-describedby={`${id}-description`}
        className="mt-0.5"
      />
      <div className="min-w-0 flex-1">
        <label
          htmlFor={id}
          className="flex cursor-pointer flex-wrap items-center gap-2 text-sm font-medium text-zinc-900"
        >
          <span className="text-faint" aria-hidden>
            {icon}
          </span>
          {label}
          {badge}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-xs text-zinc-600">
          {description}
        </p>
      </div>
    </div>
  );
}

/**
 * The person's own notification channels (SPEC §6). Slack applies only where the
 * organization connected Slack: `slackConfigured` says whether it has (never the token).
 */
export function NotificationPreferencesForm({
  initial,
  email,
  slackConfigured,
}: {
  initial: Preferences;
  /** Where the emails go. */
  email: string;
  slackConfigured: boolean;
}) {
  const client = useTRPCClient();
  const [saved, setSaved] = useState(initial);
  const [value, setValue] = useState(initial);
  const [pending, setPending] = useState(false);
  const dirty = value.email !== saved.email || value.slack !== saved.slack;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending || !dirty) return;
    setPending(true);
    try {
      const next = await client.me.updateNotificationPreferences.mutate(value);
      setSaved(next);
      setValue(next);
      toast.success("Notification preferences saved", {
        description:
          !next.email && !next.slack
            ? "Lantern will not notify you; your work still shows under Requests and Revocations."
            : undefined,
      });
    } catch (e) {
      toast.error(actionError(e).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={save} className="space-y-4">
      <Choice
        icon={<Mail className="size-4" />}
        label="Email me about tasks and requests"
        description={
          <>
            Tasks assigned or reassigned to you, reminders, and what became of your requests, sent
            to <span className="font-medium text-zinc-800">{email}</span>.
          </>
        }
        checked={value.email}
        onChange={(checked) => setValue((v) => ({ ...v, email: checked }))}
      />
      <Choice
        icon={<MessageSquare className="size-4" />}
        label="Send me Slack direct messages"
        badge={slackConfigured ? null : <Badge tone="neutral">Slack not connected</Badge>}
        description={
          slackConfigured
            ? "The same notices as a direct message from Lantern in Slack, found by your email address."
            : "Applies only once your organization connects Slack to Lantern; until then nothing is sent there."
        }
        checked={value.slack}
        onChange={(checked) => setValue((v) => ({ ...v, slack: checked }))}
      />
      {!value.email && (!value.slack || !slackConfigured) ? (
        <p className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-amber-100 ring-inset">
          <TriangleAlert className="mt-px size-3.5 shrink-0" aria-hidden />
          Lantern will not tell you about new work; check Requests and Revocations yourself.
        </p>
      ) : null}
      <div className="flex items-center gap-3 border-t border-zinc-100 pt-4">
        <button type="submit" className={primaryButton} disabled={!dirty || pending}>
          {pending ? "Saving…" : "Save preferences"}
        </button>
        {dirty ? <span className="text-muted text-xs">Unsaved changes</span> : null}
      </div>
    </form>
  );
}
