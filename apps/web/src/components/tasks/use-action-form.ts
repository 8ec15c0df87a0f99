"use client";

import { useState } from "react";
import type { FormProblem } from "./actions.ts";
import type { Reassignee } from "./person-picker.tsx";

/**
 * The state of a task action's form, shared by the one-task and the bulk dialog: the text
 * (note, reason or comment), the person a reassignment goes to, whether it is being sent, and
 * what is wrong. A change to a field clears the problem shown under it.
 */
export function useActionForm() {
  const [text, setText] = useState("");
  const [person, setPerson] = useState<Reassignee | null>(null);
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const errorOf = (field: FormProblem["field"]) =>
    problem?.field === field ? problem.message : null;
  return {
    text,
    person,
    pending,
    setPending,
    problem,
    setProblem,
    /** The PersonPicker of a reassignment. */
    picker: {
      value: person,
      onChange: (p: Reassignee) => {
        setPerson(p);
        if (problem?.field === "person") setProblem(null);
      },
      error: errorOf("person"),
      autoFocus: true,
    },
    /** The text box; Ctrl/⌘+Enter sends the form from it too. */
    textBox: (submit: (event: React.FormEvent) => Promise<void>) => ({
      value: text,
      onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => {
        setText(e.target.value);
        if (problem?.field === "text") setProblem(null);
      },
      onKeyDown: (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
        if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) void submit(e);
      },
      error: errorOf("text"),
    }),
  };
}
