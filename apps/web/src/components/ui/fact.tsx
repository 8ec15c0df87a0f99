/** One labelled fact of a description list (`<dl>`): the label small and muted, the value below. */
export function Fact({
  label,
  children,
  className = "mt-0.5",
}: {
  label: string;
  children: React.ReactNode;
  /** The value's spacing and any extra look (e.g. "mt-0.5 truncate"). */
  className?: string;
}) {
  return (
    <div className="min-w-0">
      <dt className="text-muted text-xs">{label}</dt>
      <dd className={`${className} text-sm text-zinc-900`}>{children}</dd>
    </div>
  );
}
