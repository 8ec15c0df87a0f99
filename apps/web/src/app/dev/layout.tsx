/** Developer pages (the dev mailbox): outside the signed-in shell, reachable signed out in demo mode. */
export default function DevLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-zinc-50">{children}</div>;
}
