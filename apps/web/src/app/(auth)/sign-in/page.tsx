import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForms } from "~/components/auth/sign-in-forms";
import { safeCallbackPath } from "~/components/auth/safe-callback";
import { firstRunOpen } from "@lantern/api";
import { demoMode, env, firstRun, oidcConfigured } from "~/env";
import { SIGN_IN_ERRORS } from "~/server/auth/identity";
import { getActor } from "~/server/auth/session";
import { getPrisma } from "~/server/db";
import { demoSignInPeople } from "~/server/demo";

export const metadata: Metadata = { title: "Sign in" };

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
      demo={demoMode ? await demoSignInPeople(await getPrisma()) : null}
      firstRun={firstRun ? await firstRunOpen(await getPrisma()) : false}
    />
  );
}
