"use client";

// The Changes cell of the audit log: each changed field as "field: before → after", compact;
// long values and more than a few fields fold into "Show all" with the full JSON.

const FIELDS_SHOWN = 3;
const VALUE_CHARS = 60;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function short(value: unknown): string {
  if (value === undefined) return "—";
  if (value === "") return "(empty)";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > VALUE_CHARS ? `${text.slice(0, VALUE_CHARS - 1)}…` : text;
}

/** The field-by-field view of an event's before/after, or the raw JSON when not objects. */
export function AuditChanges({
  before,
  after,
  reason,
}: {
  before: unknown;
  after: unknown;
  reason: string | null;
}) {
  const hasData = before != null || after != null;
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const structured = (before == null || isRecord(before)) && (after == null || isRecord(after));
  const full = JSON.stringify({ before: before ?? null, after: after ?? null }, null, 2);
  const folded = !structured || fields.length > FIELDS_SHOWN || full.length > 400;
  return (
    <div className="min-w-0 space-y-1 text-xs">
      {structured && fields.length > 0 ? (
        <ul className="space-y-0.5">
          {fields.slice(0, FIELDS_SHOWN).map((field) => (
            <li key={field} className="break-words text-zinc-700">
              <span className="font-medium text-zinc-900">{field}</span>:{" "}
              {field in b ? (
                <span className="text-muted line-through decoration-zinc-300">
                  {short(b[field])}
                </span>
              ) : null}
              {field in b && field in a ? <span aria-label="changed to"> → </span> : null}
              {field in a ? <span className="text-zinc-900">{short(a[field])}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {hasData && folded ? (
        <details className="group">
          <summary className="text-muted cursor-pointer hover:text-zinc-800">
            {structured && fields.length > FIELDS_SHOWN
              ? `Show all ${fields.length} fields`
              : "Show the full change"}
          </summary>
          <pre className="mt-1 max-h-72 overflow-auto rounded-md bg-zinc-50 p-2 font-mono text-[11px] leading-4 whitespace-pre-wrap text-zinc-800 ring-1 ring-zinc-200 ring-inset">
            {full}
          </pre>
        </details>
      ) : null}
      {reason ? <p className="break-words text-zinc-600 italic">“{reason}”</p> : null}
      {!hasData && !reason ? <span className="text-faint">—</span> : null}
    </div>
  );
}
