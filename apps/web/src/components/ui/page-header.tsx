export function PageHeader({
  title,
  description,
  actions,
  children,
}: {
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <header className="border-b border-zinc-200 bg-white px-6 pt-7 xl:px-8">
      {/* On a phone the actions go under the title instead of squeezing it to one word a line. */}
      <div className="flex flex-col gap-4 pb-5 sm:flex-row sm:items-start sm:justify-between sm:gap-6">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold tracking-tight text-zinc-950">{title}</h1>
          {description ? (
            <p className="mt-1 max-w-3xl text-sm text-zinc-600">{description}</p>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </header>
  );
}
