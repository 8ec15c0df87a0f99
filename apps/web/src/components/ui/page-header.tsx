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
      {/* On a narrow screen the actions wrap below the title rather than squeeze it. */}
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3 pb-5">
        <div className="min-w-0 flex-[1_1_16rem]">
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
