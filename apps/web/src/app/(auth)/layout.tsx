import { LanternMark } from "~/components/shell/logo";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col items-center bg-zinc-50 px-4 py-12 sm:py-16">
      <div className="mb-8 flex items-center gap-2.5">
        <LanternMark className="size-9" />
        <span className="text-lg font-semibold tracking-tight text-zinc-950">Lantern</span>
      </div>
      <div className="w-full max-w-md">{children}</div>
      <p className="text-muted mt-10 text-xs">Open-source access governance</p>
    </div>
  );
}
