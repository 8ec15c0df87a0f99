"use client";

import { useState } from "react";
import { MessageSquare } from "lucide-react";
import type { RouterOutputs } from "@lantern/api";
import { Avatar } from "~/components/ui/avatar";
import { primaryButton } from "~/components/ui/button";
import { LazyMarkdown as Markdown } from "./markdown-lazy.tsx";
import { Textarea } from "~/components/ui/textarea";
import { toast } from "~/components/ui/toast";
import { useTRPCClient } from "~/trpc/react";
import { actionError } from "~/trpc/errors";
import { Time } from "./time.tsx";
import { useTasksChanged } from "./use-task-actions.ts";

type Comment = RouterOutputs["tasks"]["byNumber"]["comments"][number];

/** The Comments thread of a task (SPEC §3.5): markdown, rendered without raw HTML. */
export function TaskComments({
  taskId,
  comments,
  canComment,
}: {
  taskId: string;
  comments: Comment[];
  canComment: boolean;
}) {
  const client = useTRPCClient();
  const changed = useTasksChanged();
  const [body, setBody] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (!body.trim()) {
      setError("Write a comment.");
      return;
    }
    setError(null);
    setPending(true);
    try {
      await client.tasks.comment.mutate({ taskId, body });
      setBody("");
      await changed();
    } catch (e) {
      const { code, message } = actionError(e);
      if (code === "BAD_REQUEST") setError(message);
      else toast.error(message);
    } finally {
      setPending(false);
    }
  };

  return (
    <div>
      {comments.length === 0 ? (
        <p className="text-muted flex items-center gap-2 text-sm">
          <MessageSquare className="text-faint size-4" aria-hidden />
          No comments yet.
        </p>
      ) : (
        <ol className="space-y-4">
          {comments.map((c) => (
            <li key={c.id} className="flex gap-3">
              <Avatar name={c.author.displayName} />
              <div className="min-w-0 flex-1">
                <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
                  <span className="font-medium text-zinc-900">{c.author.displayName}</span>
                  <Time at={c.createdAt} relative className="text-muted text-xs" />
                </p>
                <div className="mt-1 break-words">
                  <Markdown>{c.body}</Markdown>
                </div>
              </div>
            </li>
          ))}
        </ol>
      )}
      {canComment ? (
        <form onSubmit={submit} noValidate className="mt-5 border-t border-zinc-100 pt-4">
          <Textarea
            label="Add a comment"
            value={body}
            onChange={(e) => {
              setBody(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit(e);
            }}
            rows={3}
            maxLength={10_000}
            placeholder="Ask a question or leave a note for the people on this task"
            hint="Markdown works: **bold**, `code`, lists and links. Everyone who can see the task can read it."
            error={error}
          />
          <div className="mt-3 flex justify-end">
            <button type="submit" className={primaryButton} disabled={pending}>
              {pending ? "Posting…" : "Comment"}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
