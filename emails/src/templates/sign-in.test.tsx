import { describe, expect, it } from "vitest";
import { signInEmail } from "../index.ts";
import { asHtmlAttribute, expectNoExternalResources, occurrences } from "../lib/testing.ts";
import { renderEmail } from "../render.ts";
import SignInEmail, { type SignInEmailProps } from "./sign-in.tsx";

const props: SignInEmailProps = {
  url: "https://lantern.example.com/api/auth/callback/email?callbackUrl=https%3A%2F%2Flantern.example.com%2Ftasks&token=0f1e2d3c4b5a69788796a5b4c3d2e1f0&email=alice%40example.com",
  host: "lantern.example.com",
  email: "alice@example.com",
  expiresInMinutes: 15,
};

describe("signInEmail", () => {
  it("has the subject 'Sign in to Lantern'", async () => {
    const { subject } = await signInEmail(props);
    expect(subject).toBe("Sign in to Lantern");
  });

  it("links to the exact sign-in URL from the HTML", async () => {
    const { html } = await signInEmail(props);
    const href = `href="${asHtmlAttribute(props.url)}"`;
    // The button and the printed fallback link.
    expect(occurrences(html, href)).toBe(2);
    expect(html).toContain("Sign in to Lantern</span>");
  });

  it("loads no images, fonts or other external resources", async () => {
    const { html } = await signInEmail(props);
    expectNoExternalResources(html);
  });

  it("says who asked, when the link expires, and what to do if it was not you", async () => {
    const { html, text } = await signInEmail(props);
    for (const body of [html, text]) {
      expect(body).toContain("alice@example.com");
      expect(body).toContain("lantern.example.com");
      expect(body).toContain("expires in 15 minutes");
      expect(body).toContain("If you did not request this, ignore this email.");
      expect(body).toContain("You received this email because");
    }
  });

  it("prints the exact URL and the address in the plain-text form", async () => {
    const { text } = await signInEmail(props);
    expect(text).toContain(props.url);
    expect(text).toContain(props.email);
    // The button is skipped in plain text, so the URL appears once.
    expect(occurrences(text, props.url)).toBe(1);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it("names the organization when there is one, escaping it in HTML", async () => {
    const { html, text } = await signInEmail({ ...props, organizationName: "Acme <R&D>" });
    expect(html).toContain("Acme &lt;R&amp;D&gt;");
    expect(html).not.toContain("<R&D>");
    expect(text).toContain("sign in to Acme <R&D> on Lantern at lantern.example.com");
  });

  it("words the expiry in hours when it is a whole number of hours", async () => {
    const { text } = await signInEmail({ ...props, expiresInMinutes: 1440 });
    expect(text).toContain("This link expires in 24 hours.");
  });

  it("renders the preview props used by `email dev`", async () => {
    const { html, text } = await renderEmail(<SignInEmail {...SignInEmail.PreviewProps} />);
    expect(html).toContain(asHtmlAttribute(SignInEmail.PreviewProps.url));
    expect(text).toContain(SignInEmail.PreviewProps.email);
  });

  it("has a stable plain-text body", async () => {
    const { text } = await signInEmail(props);
    expect(text).toMatchInlineSnapshot(`
      "Lantern

      SIGN IN TO LANTERN

      We received a request to sign in to Lantern at lantern.example.com with the email address alice@example.com.

      Copy and paste this link into your browser:

      https://lantern.example.com/api/auth/callback/email?callbackUrl=https%3A%2F%2Flantern.example.com%2Ftasks&token=0f1e2d3c4b5a69788796a5b4c3d2e1f0&email=alice%40example.com

      This link expires in 15 minutes. If it has expired, request a new one from the sign-in page.

      If you did not request this, ignore this email. You will not be signed in, and the link will expire on its own.

      You received this email because a sign-in link was requested for alice@example.com on lantern.example.com.

      Lantern · open-source access governance"
    `);
  });
});
