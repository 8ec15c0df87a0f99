// Who a verified email address signs in as lives in the API (services/sign-in.ts), with the
// decision on magic-link requests; the sign-in page's words for each outcome live here.
export { resolveSignInUser, type SignInRefusal, type SignInResolution } from "@lantern/api";

/** What the sign-in page says for each refusal (and next-auth's own error codes). */
export const SIGN_IN_ERRORS: Record<string, string> = {
  NotInOrganization:
    "That email address does not belong to anyone in a Lantern organization. Ask your Lantern administrator to add you, or sign in with your work address.",
  AccountInactive:
    "Your Lantern account is suspended or deprovisioned. Ask a Lantern super admin if you need access again.",
  FirstRunNotAllowed:
    "This Lantern has no organization yet, and your address is not one allowed to create it. Ask the person setting Lantern up to sign in first.",
  MultipleOrganizations:
    "That email address belongs to people in more than one Lantern organization, which this installation does not support. Ask your administrator.",
  TooManyRequests:
    "Too many sign-in links were asked for this address or from your network. Wait a few minutes, then try again.",
  DemoUnavailable: "Demo sign-in is only available when Lantern runs in demo mode.",
  Verification: "That sign-in link has expired or was already used. Request a new one below.",
  OAuthSignin:
    "Lantern could not reach your identity provider. Try again, or ask your administrator.",
  OAuthCallback: "Your identity provider's answer could not be verified. Try again.",
  OAuthAccountNotLinked: "This identity could not be linked to your Lantern account.",
  EmailSignin: "The sign-in email could not be sent. Try again in a moment.",
  CredentialsSignin: "That demo person cannot sign in.",
  SessionRequired: "Sign in to continue.",
  AccessDenied: "You do not have access to Lantern.",
  Default: "Sign-in failed. Try again.",
};
