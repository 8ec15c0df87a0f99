// The account's profile attributes as the connector gave them (SPEC §4.5): a key/value list,
// nested objects as indented lists, arrays of plain values inline. A server component.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function isPlain(value: Json): value is string | number | boolean | null {
  return value === null || typeof value !== "object";
}

function Plain({ value }: { value: string | number | boolean | null }) {
  if (value === null) return <span className="text-faint italic">empty</span>;
  if (typeof value === "boolean") return <span className="font-mono">{String(value)}</span>;
  if (value === "") return <span className="text-faint italic">empty text</span>;
  return <span className="break-words whitespace-pre-wrap">{String(value)}</span>;
}

function Value({ value, depth }: { value: Json; depth: number }) {
  if (isPlain(value)) return <Plain value={value} />;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="text-faint italic">none</span>;
    if (value.every(isPlain)) {
      return (
        <span className="flex flex-wrap gap-1">
          {value.map((v, i) => (
            <span key={i} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-800">
              <Plain value={v} />
            </span>
          ))}
        </span>
      );
    }
    return (
      <ol className="space-y-2">
        {value.map((v, i) => (
          <li key={i} className="border-l-2 border-zinc-200 pl-3">
            <span className="text-muted text-xs">#{i + 1}</span>
            <Value value={v} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  return <Attributes entries={Object.entries(value)} depth={depth + 1} />;
}

function Attributes({ entries, depth }: { entries: [string, Json][]; depth: number }) {
  if (entries.length === 0) return <span className="text-faint italic">none</span>;
  return (
    <dl
      className={
        depth === 0
          ? "divide-y divide-zinc-100"
          : "mt-1 space-y-1.5 border-l-2 border-zinc-200 pl-3"
      }
    >
      {entries.map(([key, value]) => (
        <div
          key={key}
          className={depth === 0 ? "grid gap-1 py-2.5 sm:grid-cols-[12rem_1fr] sm:gap-4" : ""}
        >
          <dt
            className={
              depth === 0
                ? "text-muted font-mono text-xs leading-5 break-all"
                : "text-muted font-mono text-xs"
            }
          >
            {key}
          </dt>
          <dd className="min-w-0 text-sm text-zinc-900">
            <Value value={value} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function AccountProfile({ profile }: { profile: unknown }) {
  const value = (profile ?? {}) as Json;
  if (isPlain(value) || Array.isArray(value)) {
    return (
      <div className="text-sm text-zinc-900">
        <Value value={value} depth={0} />
      </div>
    );
  }
  const entries = Object.entries(value);
  if (entries.length === 0) {
    return <p className="text-muted text-sm">The connector gave no profile attributes.</p>;
  }
  return <Attributes entries={entries} depth={0} />;
}
