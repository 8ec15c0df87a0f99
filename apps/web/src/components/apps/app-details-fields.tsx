"use client";

import { fieldError, type ApiError } from "~/trpc/errors";
import { TextField } from "~/components/ui/text-field";
import { Textarea } from "~/components/ui/textarea";

type Details = { name: string; description: string; iconUrl: string };

/**
 * An app's name, description and icon URL, as Add application and the Details section of its
 * settings ask them. A taken name (CONFLICT) is said beside the name.
 */
export function AppDetailsFields({
  values,
  onChange,
  error,
  autoFocus = false,
  descriptionRows,
  iconHint,
}: {
  values: Details;
  onChange: { [K in keyof Details]: (value: string) => void };
  error: ApiError | null;
  autoFocus?: boolean;
  descriptionRows: number;
  iconHint?: string;
}) {
  return (
    <>
      <TextField
        label="Name"
        value={values.name}
        onChange={(e) => onChange.name(e.target.value)}
        maxLength={100}
        required
        autoFocus={autoFocus}
        autoComplete="off"
        error={fieldError(error, "name") ?? (error?.code === "CONFLICT" ? error.message : null)}
      />
      <Textarea
        label="Description"
        optional
        value={values.description}
        onChange={(e) => onChange.description(e.target.value)}
        maxLength={2000}
        rows={descriptionRows}
        error={fieldError(error, "description")}
      />
      <TextField
        label="Icon URL"
        optional
        type="url"
        inputMode="url"
        value={values.iconUrl}
        onChange={(e) => onChange.iconUrl(e.target.value)}
        placeholder="https://"
        maxLength={2000}
        autoComplete="off"
        hint={iconHint}
        error={fieldError(error, "iconUrl")}
      />
    </>
  );
}
