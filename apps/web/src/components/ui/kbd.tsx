/** A key as a key cap: "Press <Kbd>?</Kbd> for the shortcuts". */
export function Kbd({ children }: { children: React.ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-zinc-300 bg-zinc-50 px-1.5 py-px font-mono text-xs font-medium text-zinc-800 shadow-[inset_0_-1px_0_var(--color-zinc-300)]">
      {children}
    </kbd>
  );
}
