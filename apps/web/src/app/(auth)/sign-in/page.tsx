import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DEMO_SIGN_IN_PEOPLE } from "@lantern/db/seed";
import { SignInForms, type DemoPerson } from "~/components/auth/sign-in-forms";
import { safeCallbackPath } from "~/components/auth/safe-callback";
import { firstRunOpen } from "@lantern/api";
import { demoMode, env, firstRun, oidcConfigured } from "~/env";
import { SIGN_IN_ERRORS } from "~/server/auth/identity";
import { getActor } from "~/server/auth/session";
import { getPrisma } from "~/server/db";

export const metadata: Metadata = { title: "Sign in" };

async function loadDemoPeople(): Promise<{ featured: DemoPerson[]; everyone: DemoPerson[] }> {
  const prisma = await getPrisma();
  const everyone = await prisma.user.findMany({
    where: { status: "ACTIVE" },
    orderBy: [{ displayName: "asc" }, { id: "asc" }],
    select: { id: true, displayName: true, email: true, title: true, role: true },
  });
  const featured = DEMO_SIGN_IN_PEOPLE.flatMap((p) => {
    const person = everyone.find((u) => u.email === p.email);
    return person ? [{ ...person, why: p.description }] : [];
  });
  return { featured, everyone };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // Only an active person skips sign-in; a suspended one stays here to read why.
  if ((await getActor()).state === "active") redirect(callbackUrl);
  const error = params.error ? (SIGN_IN_ERRORS[params.error] ?? SIGN_IN_ERRORS.Default) : null;

  return (
    <SignInForms
      callbackUrl={callbackUrl}
      error={error ?? null}
      oidc={oidcConfigured ? { name: env.AUTH_OIDC_NAME } : null}
      demo={demoMode ? await loadDemoPeople() : null}
      firstRun={firstRun ? await firstRunOpen(await getPrisma()) : false}
    />
  );
}
