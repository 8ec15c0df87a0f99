/** @jsxRuntime automatic */
import { ButtonLink, EmailLayout, Paragraph, Strong } from "../components/layout.tsx";
import { formatMinutes } from "../lib/format.ts";

export interface SignInEmailProps {
  /** The magic link; opening it signs the person in. */
  url: string;
  /** Host the link signs in to, e.g. "lantern.acme.com" (helps spot phishing). */
  host: string;
  /** Address the link was requested for (and sent to). */
  email: string;
  /** How long the link stays valid. */
  expiresInMinutes: number;
  /** Shown when the Lantern instance belongs to a known organization. */
  organizationName?: string;
}

export const signInSubject = "Sign in to Lantern";

export default function SignInEmail({
  url,
  host,
  email,
  expiresInMinutes,
  organizationName,
}: SignInEmailProps) {
  const expiresIn = formatMinutes(expiresInMinutes);
  return (
    <EmailLayout
      preview={`Your sign-in link for ${host}. It expires in ${expiresIn}.`}
      heading="Sign in to Lantern"
      reason={
        <>
          a sign-in link was requested for {email} on {host}
        </>
      }
    >
      <Paragraph>
        We received a request to sign in to{" "}
        {organizationName ? (
          <>
            <Strong>{organizationName}</Strong> on Lantern
          </>
        ) : (
          "Lantern"
        )}{" "}
        at <Strong>{host}</Strong> with the email address <Strong>{email}</Strong>.
      </Paragraph>
      <ButtonLink href={url}>Sign in to Lantern</ButtonLink>
      <Paragraph tone="muted">
        This link expires in {expiresIn}. If it has expired, request a new one from the sign-in
        page.
      </Paragraph>
      <Paragraph tone="muted">
        If you did not request this, ignore this email. You will not be signed in, and the link will
        expire on its own.
      </Paragraph>
    </EmailLayout>
  );
}

SignInEmail.PreviewProps = {
  url: "https://lantern.acme.com/api/auth/callback/email?callbackUrl=https%3A%2F%2Flantern.acme.com%2Ftasks&token=5d1f0c9a7b3e4f21a8c6d2e9b0f4a7c3e1d5b8a2f6c9e0d3b7a4f1c8e2d6b9a0&email=alice.nguyen%40acme.com",
  host: "lantern.acme.com",
  email: "alice.nguyen@acme.com",
  expiresInMinutes: 15,
  organizationName: "Acme Corp",
} satisfies SignInEmailProps;
