export function EmptyState({
  icon,
  title,
  children,
}: {
  icon?: React.ReactNode;
  title: string;
  children?: React.ReactNode;
}) {
  return (
    <div className="flex flex-col items-center justify-center rounded-xl border border-dashed border-zinc-300 bg-white px-6 py-14 text-center">
      {icon ? <div className="text-faint mb-3">{icon}</div> : null}
      <p className="text-sm font-medium text-zinc-900">{title}</p>
      {children ? <div className="text-muted mt-1 max-w-md text-sm">{children}</div> : null}
    </div>
  );
}
