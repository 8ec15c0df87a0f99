import { useId } from "react";

/** A titled card (a named region): the building block of detail and settings pages. */
export function Section({
  id,
  title,
  description,
  actions,
  children,
}: {
  /** An anchor for links to this card (`#id`). */
  id?: string;
  title: string;
  description?: string;
  actions?: React.ReactNode;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="rounded-xl border border-zinc-200 bg-white shadow-xs"
    >
      <div className="flex items-start justify-between gap-4 border-b border-zinc-100 px-5 py-3.5">
        <div className="min-w-0">
          <h2 id={headingId} className="text-sm font-semibold text-zinc-900">
            {title}
          </h2>
          {description ? <p className="text-muted mt-0.5 text-xs">{description}</p> : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      <div className="px-5 py-4">{children}</div>
    </section>
  );
}
