"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { CheckCircle2, Download, TriangleAlert } from "lucide-react";
import type { ImportSummary, PeopleImportSummary } from "@lantern/api";
import { remapSummary } from "~/components/apps/remap-status";
import { secondaryButton } from "~/components/ui/button";
import { Dialog, DialogContent, DialogActions, DialogDone } from "~/components/ui/dialog";
import { ErrorAlert } from "~/components/ui/error-alert";
import { toast } from "~/components/ui/toast";
import { cn } from "~/lib/cn";
import {
  fileFormat,
  FORMATS,
  JSON_NOTE,
  readRefusal,
  type ImportKind,
  type ImportRefusal,
} from "./formats";

// Import a CSV or JSON file (SPEC §4.6) through the upload routes: into an app
// (POST /api/apps/{appId}/import?kind=&mode=) or the organization's people
// (POST /api/users/import). The file is sent as it is; the answer is the import's summary, or
// the refusal with each problem's line — a refused file changes nothing.

export type ImportTarget =
  { kind: "app"; appId: string; appName: string } | { kind: "people"; organizationName: string };

type AppKind = "accounts" | "entitlements" | "grants";

/** What the import routes answer: the API's own summaries. */
type AppSummary = ImportSummary;
type PeopleSummary = PeopleImportSummary;

const n = new Intl.NumberFormat("en-US");
const count = (value: number, one: string, many = `${one}s`) =>
  `${n.format(value)} ${value === 1 ? one : many}`;

export default function ImportDialog({
  target,
  mappingMode = "NARROW",
  onOpenChange,
  onCloseAutoFocus,
}: {
  target: ImportTarget;
  /** The app's account mapping mode, to describe its re-map. */
  mappingMode?: "NARROW" | "BROAD";
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes (Radix's hook), e.g. back to the menu's trigger. */
  onCloseAutoFocus?: (event: Event) => void;
}) {
  const router = useRouter();
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<AppKind | "">(target.kind === "app" ? "accounts" : "");
  const [kindTouched, setKindTouched] = useState(false);
  const [mode, setMode] = useState<"incremental" | "full">("incremental");
  const [pending, setPending] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<ImportRefusal | null>(null);
  const [summary, setSummary] = useState<AppSummary | PeopleSummary | null>(null);

  const format = file ? fileFormat(file) : null;
  const people = target.kind === "people";
  const shownKind: ImportKind = people ? "users" : kind || "accounts";

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (pending) return;
    setRefusal(null);
    if (!file) return setFieldError("Choose a file to import.");
    if (!format) return setFieldError("Choose a .csv or .json file.");
    if (!people && format === "csv" && !kind)
      return setFieldError("A CSV file holds one kind of rows: choose which.");
    setFieldError(null);
    setPending(true);
    try {
      const url = people
        ? "/api/users/import"
        : `/api/apps/${target.appId}/import?${new URLSearchParams({
            ...(kind ? { kind } : {}),
            mode,
          })}`;
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": format === "csv" ? "text/csv" : "application/json" },
        body: file,
      });
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        setRefusal(readRefusal(body, response.status));
        return;
      }
      setSummary(body as AppSummary | PeopleSummary);
      toast.success(people ? "People imported" : `Imported into ${target.appName}`);
      router.refresh();
    } catch {
      setRefusal({
        code: "NETWORK",
        message: "Lantern could not be reached. Check your connection and try again.",
        problems: [],
        truncated: false,
      });
    } finally {
      setPending(false);
    }
  };

  const title = people ? "Import people" : "Import accounts";
  const description = people
    ? `Add and update the people of ${target.organizationName} from a CSV or JSON file. A file with any bad row is refused whole.`
    : `Load ${target.appName}'s accounts, entitlements and grants from a CSV or JSON file. A file with any bad row is refused whole: nothing changes.`;

  return (
    <Dialog open onOpenChange={(open) => !pending && onOpenChange(open)}>
      <DialogContent
        title={title}
        description={description}
        size="lg"
        dismissible={!pending}
        onCloseAutoFocus={onCloseAutoFocus}
      >
        {summary ? (
          <div aria-live="polite">
            <p className="flex items-center gap-2 text-sm font-medium text-zinc-900">
              <CheckCircle2 className="size-4 text-emerald-600" aria-hidden />
              {file?.name} imported.
            </p>
            {people ? (
              <PeopleResult summary={summary as PeopleSummary} />
            ) : (
              <AppResult summary={summary as AppSummary} mappingMode={mappingMode} />
            )}
            <DialogDone>
              <button
                type="button"
                className={secondaryButton}
                onClick={() => {
                  setSummary(null);
                  setFile(null);
                  if (fileInput.current) fileInput.current.value = "";
                }}
              >
                Import another file
              </button>
            </DialogDone>
          </div>
        ) : (
          <form onSubmit={submit} noValidate className="space-y-4">
            <div>
              <label htmlFor={`${ids}-file`} className="block text-sm font-medium text-zinc-900">
                File
              </label>
              <input
                ref={fileInput}
                id={`${ids}-file`}
                type="file"
                accept=".csv,.json,text/csv,application/json"
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${ids}-file-error` : `${ids}-file-hint`}
                onChange={(e) => {
                  const chosen = e.target.files?.[0] ?? null;
                  setFile(chosen);
                  setFieldError(null);
                  setRefusal(null);
                  // A JSON document may hold every kind; a CSV file holds one.
                  const chosenFormat = chosen ? fileFormat(chosen) : null;
                  if (!people && !kindTouched) {
                    if (chosenFormat === "json") setKind("");
                    else if (chosenFormat === "csv" && kind === "") setKind("accounts");
                  }
                }}
                className="mt-1 block w-full text-sm text-zinc-700 file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-zinc-800 hover:file:bg-zinc-50"
              />
              {fieldError ? (
                <p id={`${ids}-file-error`} className="mt-1 text-sm text-rose-700">
                  {fieldError}
                </p>
              ) : (
                <p id={`${ids}-file-hint`} className="text-muted mt-1 text-xs">
                  CSV (UTF-8, a header row) or JSON, streamed as it is: large files are fine.
                </p>
              )}
            </div>

            {people ? null : (
              <div className="grid gap-4 sm:grid-cols-2">
                <div>
                  <label
                    htmlFor={`${ids}-kind`}
                    className="block text-sm font-medium text-zinc-900"
                  >
                    What the file holds
                  </label>
                  <select
                    id={`${ids}-kind`}
                    value={kind}
                    onChange={(e) => {
                      setKind(e.target.value as AppKind | "");
                      setKindTouched(true);
                    }}
                    className="mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs focus:border-zinc-500 focus:outline-none"
                  >
                    <option value="accounts">Accounts</option>
                    <option value="entitlements">Entitlements</option>
                    <option value="grants">Grants</option>
                    <option value="" disabled={format === "csv"}>
                      Any kinds (a JSON document)
                    </option>
                  </select>
                </div>
                <fieldset>
                  <legend className="block text-sm font-medium text-zinc-900">Mode</legend>
                  <div className="mt-1 flex gap-2">
                    {(["incremental", "full"] as const).map((m) => (
                      <label
                        key={m}
                        className={cn(
                          "flex flex-1 cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm",
                          mode === m
                            ? "border-zinc-900 ring-1 ring-zinc-900"
                            : "border-zinc-300 hover:border-zinc-400",
                        )}
                      >
                        <input
                          type="radio"
                          name={`${ids}-mode`}
                          value={m}
                          checked={mode === m}
                          onChange={() => setMode(m)}
                          className="size-4 accent-zinc-900"
                        />
                        {m === "incremental" ? "Incremental" : "Full"}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <p className="text-xs text-zinc-600 sm:col-span-2">
                  {mode === "incremental" ? (
                    "Incremental adds and updates only: nothing missing from the file changes."
                  ) : (
                    <span className="flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200 ring-inset">
                      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
                      <span>
                        Full says the file is everything the app holds.{" "}
                        {kind !== "entitlements" && kind !== "grants" ? (
                          <strong>
                            Accounts missing from it are marked deleted and their grants end.{" "}
                          </strong>
                        ) : null}
                        {kind !== "accounts" && kind !== "entitlements" ? (
                          <strong>Live grants missing from it end. </strong>
                        ) : null}
                        {kind !== "accounts" && kind !== "grants"
                          ? "Entitlements missing from it are kept and counted."
                          : null}
                      </span>
                    </span>
                  )}
                </p>
              </div>
            )}

            {refusal ? <Refusal refusal={refusal} fileName={file?.name ?? "The file"} /> : null}

            <FormatHelp kind={shownKind} people={people} />

            <DialogActions pending={pending} label="Import" pendingLabel="Importing…" />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

function FormatHelp({ kind, people }: { kind: ImportKind; people: boolean }) {
  const format = FORMATS[kind];
  const download = () => {
    const url = URL.createObjectURL(new Blob([format.example.csv + "\n"], { type: "text/csv" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = format.example.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <details className="group rounded-md border border-zinc-200 bg-zinc-50 text-sm">
      <summary className="cursor-pointer px-3 py-2 font-medium text-zinc-800 select-none">
        File format: {format.label.toLowerCase()}
      </summary>
      <div className="space-y-2 border-t border-zinc-200 px-3 py-2.5 text-zinc-700">
        <div className="flex flex-wrap items-center gap-1">
          <span className="mr-1">Columns:</span>
          {format.required.map((c) => (
            <code key={c} className="rounded bg-white px-1 font-semibold ring-1 ring-zinc-200">
              {c}
            </code>
          ))}
          {format.optional.map((c) => (
            <code key={c} className="rounded bg-white px-1 ring-1 ring-zinc-200">
              {c}
            </code>
          ))}
          <span className="text-muted text-xs">(bold: required; names match in any case)</span>
        </div>
        <p className="text-xs">{format.note}</p>
        {people ? null : <p className="text-xs">{JSON_NOTE}</p>}
        <p className="text-xs">
          <button
            type="button"
            onClick={download}
            className="inline-flex items-center gap-1 font-medium text-zinc-900 underline underline-offset-2"
          >
            <Download className="size-3.5" aria-hidden />
            Download an example ({format.example.name})
          </button>
          <span className="text-muted">
            {" "}
            · The full format: packages/connectors/README.md, “File import”.
          </span>
        </p>
      </div>
    </details>
  );
}

function Refusal({ refusal, fileName }: { refusal: ImportRefusal; fileName: string }) {
  const box = useRef<HTMLDivElement>(null);
  // The problems are what the person needs now: bring them into view.
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, [refusal]);
  return (
    <div ref={box} className="space-y-2">
      <ErrorAlert>
        {refusal.problems.length > 0
          ? `${fileName} was refused: nothing was imported. Fix these rows and import it again.`
          : refusal.message}
      </ErrorAlert>
      {refusal.problems.length > 0 ? (
        <ul
          aria-label="Problems in the file"
          className="max-h-56 divide-y divide-zinc-100 overflow-y-auto rounded-md border border-zinc-200 text-sm"
        >
          {refusal.problems.map((p, i) => (
            <li key={i} className="flex gap-3 px-3 py-1.5">
              <span className="w-16 shrink-0 font-medium text-zinc-900 tabular-nums">
                Line {p.line}
              </span>
              <span className="text-zinc-700">{p.message}</span>
            </li>
          ))}
          {refusal.truncated ? (
            <li className="text-muted px-3 py-1.5 text-xs">
              Only the first {refusal.problems.length} problems are listed.
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

function Figures({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="mt-3 divide-y divide-zinc-100 rounded-md border border-zinc-200 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="flex gap-4 px-3 py-2">
          <dt className="w-28 shrink-0 font-medium text-zinc-900">{term}</dt>
          <dd className="text-zinc-700">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function AppResult({
  summary,
  mappingMode,
}: {
  summary: AppSummary;
  mappingMode: "NARROW" | "BROAD";
}) {
  const { accounts: a, entitlements: e, grants: g } = summary;
  const rows: [string, string][] = [];
  if (a.rows > 0 || a.deleted > 0)
    rows.push([
      "Accounts",
      `${count(a.rows, "row")}: ${n.format(a.created)} created, ${n.format(a.updated)} updated, ${n.format(a.unchanged)} unchanged${a.deleted > 0 || summary.mode === "full" ? `, ${n.format(a.deleted)} marked deleted` : ""}`,
    ]);
  if (e.rows > 0 || e.missing > 0)
    rows.push([
      "Entitlements",
      `${count(e.rows, "row")}: ${n.format(e.created)} created, ${n.format(e.updated)} updated, ${n.format(e.unchanged)} unchanged${e.missing > 0 ? `, ${n.format(e.missing)} not in the file (kept)` : ""}`,
    ]);
  if (g.rows > 0 || g.ended > 0)
    rows.push([
      "Grants",
      `${count(g.rows, "row")}: ${n.format(g.created)} created, ${n.format(g.updated)} updated, ${n.format(g.ended)} ended`,
    ]);
  if (summary.remap) rows.push(["Owners", `${remapSummary(mappingMode, summary.remap)}.`]);
  else if (summary.remapQueued)
    rows.push([
      "Owners",
      `${count(summary.remapQueued.total, "account")} are being re-mapped in the background; the app page shows the progress.`,
    ]);
  else if (a.rows > 0) rows.push(["Owners", "No account changed: owners stay as they were."]);
  if (rows.length === 0) rows.push(["Changes", "None: the file holds no rows."]);
  return <Figures rows={rows} />;
}

function PeopleResult({ summary: s }: { summary: PeopleSummary }) {
  const apps = s.appsRemapped + s.appsRemapQueued;
  return (
    <Figures
      rows={[
        [
          "People",
          `${count(s.rows, "row")}: ${n.format(s.created)} added, ${n.format(s.updated)} updated, ${n.format(s.unchanged)} unchanged`,
        ],
        ["Managers", `${count(s.managersSet, "manager")} set or changed`],
        [
          "Account owners",
          apps === 0
            ? "No app's owners could change."
            : `${count(s.appsRemapped, "app")} re-mapped${s.appsRemapQueued > 0 ? `, ${count(s.appsRemapQueued, "large app")} re-mapping in the background` : ""}.`,
        ],
      ]}
    />
  );
}
