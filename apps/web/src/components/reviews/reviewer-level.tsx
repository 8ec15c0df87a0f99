"use client";

import type { ReviewerKind } from "@lantern/domain";
import { PolicyPeoplePicker } from "~/components/policies/policy-people-picker";
import { FieldError } from "~/components/ui/field";
import type { ChosenPerson } from "~/components/ui/people-multi-picker";
import { RadioCards } from "~/components/ui/radio-cards";
import { REVIEWER_OPTIONS } from "./review-labels.ts";

export interface ReviewerLevelDraft {
  kind: ReviewerKind;
  people: ChosenPerson[];
}

/** Who reviews at one level: the manager, app owners, entitlement owners or named people. */
export function ReviewerLevel({
  legend,
  value,
  onChange,
  error,
  errorId,
}: {
  legend: string;
  value: ReviewerLevelDraft;
  onChange: (value: ReviewerLevelDraft) => void;
  error?: string | null;
  errorId: string;
}) {
  return (
    <div className="space-y-3">
      <RadioCards
        legend={legend}
        options={REVIEWER_OPTIONS}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        columns
      />
      {value.kind === "USERS" ? (
        <PolicyPeoplePicker
          legend={`${legend}: named people`}
          note="Any one of them decides an item. Nobody reviews their own access."
          value={value.people}
          onChange={(people) => onChange({ ...value, people })}
          error={error}
        />
      ) : (
        <FieldError id={errorId} error={error} />
      )}
    </div>
  );
}
