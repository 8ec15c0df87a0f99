"use client";

import { useEffect, useMemo, useState } from "react";
import { signIn } from "next-auth/react";
import { AlertCircle, ArrowRight, KeyRound, Mail, Sparkles } from "lucide-react";
import { Avatar } from "~/components/ui/avatar";
import { SIGN_IN_EMAIL_KEY } from "./sent-to.tsx";

export interface DemoPerson {
  id: string;
  displayName: string;
  email: string;
  title: string | null;
  role: "SUPER_ADMIN" | "AUDITOR" | "MEMBER";
  why?: string;
}

const inputClass =
  "w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs placeholder:text-faint focus:border-zinc-500 focus:outline-none";
const primaryButton =
  "inline-flex w-full items-center justify-center gap-2 rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white shadow-sm hover:bg-zinc-800 disabled:opacity-60";
const secondaryButton =
  "inline-flex w-full items-center justify-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 disabled:opacity-60";

export function SignInForms({
  callbackUrl,
  error,
  oidc,
  demo,
  firstRun = false,
}: {
  callbackUrl: string;
  error: string | null;
  oidc: { name: string } | null;
  demo: { featured: DemoPerson[]; everyone: DemoPerson[] } | null;
  /** An empty installation: the first person to sign in creates the organization. */
  firstRun?: boolean;
}) {
  const [email, setEmail] = useState("");
  // Until React has attached, a click would submit the plain form (putting the address in
  // the URL) or do nothing: every sign-in control waits for hydration.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [busy, setBusy] = useState<string | null>(null);

  return (
    <div className="space-y-6">
      <div className="rounded-2xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-lg font-semibold text-zinc-950">Sign in to Lantern</h1>
        <p className="mt-1 text-sm text-zinc-600">
          Use your work identity. Lantern never asks for a password.
        </p>

        {firstRun ? (
          <div
            role="status"
            className="border-brand-100 bg-brand-50 mt-5 flex gap-2.5 rounded-lg border px-3 py-2.5 text-sm text-zinc-800"
          >
            <Sparkles className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>
              <strong className="font-semibold">New installation.</strong> Nobody has signed in yet:
              the first person to sign in creates your organization and becomes its super admin.
            </p>
          </div>
        ) : null}

        {error ? (
          <div
            role="alert"
            className="mt-5 flex gap-2.5 rounded-lg border border-rose-200 bg-rose-50 px-3 py-2.5 text-sm text-rose-800"
          >
            <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
            <p>{error}</p>
          </div>
        ) : null}

        {oidc ? (
          <div className="mt-6">
            <button
              type="button"
              className={primaryButton}
              disabled={!hydrated || busy !== null}
              onClick={() => {
                setBusy("oidc");
                void signIn("oidc", { callbackUrl });
              }}
            >
              <KeyRound className="size-4" aria-hidden />
              {busy === "oidc" ? "Redirecting…" : `Continue with ${oidc.name}`}
            </button>
            <div className="text-muted my-6 flex items-center gap-3 text-xs">
              <span className="h-px flex-1 bg-zinc-200" /> or{" "}
              <span className="h-px flex-1 bg-zinc-200" />
            </div>
          </div>
        ) : (
          <div className="mt-6" />
        )}

        <form
          onSubmit={(e) => {
            e.preventDefault();
            setBusy("email");
            sessionStorage.setItem(SIGN_IN_EMAIL_KEY, email.trim());
            void signIn("email", { email: email.trim(), callbackUrl });
          }}
          className="space-y-3"
        >
          <label className="block">
            <span className="mb-1.5 block text-sm font-medium text-zinc-800">Work email</span>
            <input
              type="email"
              name="email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder="you@company.com"
              className={inputClass}
            />
          </label>
          <button
            type="submit"
            className={oidc ? secondaryButton : primaryButton}
            disabled={!hydrated || busy !== null}
          >
            <Mail className="size-4" aria-hidden />
            {busy === "email" ? "Sending…" : "Email me a sign-in link"}
          </button>
        </form>
      </div>

      {demo ? (
        <DemoSignIn
          demo={demo}
          callbackUrl={callbackUrl}
          busy={hydrated ? busy : "hydrating"}
          setBusy={setBusy}
        />
      ) : null}
    </div>
  );
}

function DemoSignIn({
  demo,
  callbackUrl,
  busy,
  setBusy,
}: {
  demo: { featured: DemoPerson[]; everyone: DemoPerson[] };
  callbackUrl: string;
  busy: string | null;
  setBusy: (v: string | null) => void;
}) {
  const [filter, setFilter] = useState("");
  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return [];
    return demo.everyone
      .filter(
        (p) =>
          p.displayName.toLowerCase().includes(q) ||
          p.email.toLowerCase().includes(q) ||
          p.title?.toLowerCase().includes(q),
      )
      .slice(0, 8);
  }, [filter, demo.everyone]);

  const signInAs = (person: DemoPerson) => {
    setBusy(person.id);
    void signIn("demo", { userId: person.id, callbackUrl });
  };

  const PersonButton = ({ person }: { person: DemoPerson }) => (
    <button
      type="button"
      onClick={() => signInAs(person)}
      disabled={busy !== null}
      className="group flex w-full items-center gap-3 rounded-lg border border-zinc-200 bg-white px-3 py-2.5 text-left hover:border-zinc-300 hover:bg-zinc-50 disabled:opacity-60"
      aria-label={`Sign in as ${person.displayName}`}
    >
      <Avatar name={person.displayName} />
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-2 text-sm font-medium text-zinc-900">
          {person.displayName}
          {person.role === "MEMBER" ? null : (
            <span className="rounded bg-zinc-900 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-white uppercase">
              {person.role === "SUPER_ADMIN" ? "Admin" : "Auditor"}
            </span>
          )}
        </span>
        <span className="text-muted line-clamp-2 block text-xs">
          {person.why ?? person.title ?? person.email}
        </span>
      </span>
      <ArrowRight className="text-faint size-4 group-hover:text-zinc-600" aria-hidden />
    </button>
  );

  return (
    <section
      aria-labelledby="demo-heading"
      className="border-brand-100 bg-brand-50/60 rounded-2xl border p-6"
    >
      <h2 id="demo-heading" className="flex items-center gap-2 text-sm font-semibold text-zinc-900">
        <Sparkles className="text-brand-600 size-4" aria-hidden /> Sign in to the demo organization
      </h2>
      <p className="mt-1 text-xs text-zinc-600">
        Demo mode only: pick anyone in Northwind Labs and see Lantern as they do. This option does
        not exist when Lantern runs on PostgreSQL.
      </p>
      <div className="mt-4 space-y-2">
        {demo.featured.map((p) => (
          <PersonButton key={p.id} person={p} />
        ))}
      </div>
      <label className="mt-4 block">
        <span className="mb-1.5 block text-xs font-medium text-zinc-700">Or find anyone else</span>
        <input
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Name, email or title"
          className={inputClass}
        />
      </label>
      {matches.length > 0 ? (
        <div className="mt-2 space-y-2">
          {matches.map((p) => (
            <PersonButton key={p.id} person={p} />
          ))}
        </div>
      ) : filter.trim() ? (
        <p className="text-muted mt-2 text-xs">Nobody active matches “{filter.trim()}”.</p>
      ) : null}
    </section>
  );
}
