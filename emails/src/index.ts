import { createElement } from "react";
import { renderEmail, type RenderedEmail } from "./render.ts";
import SignInEmail, { signInSubject, type SignInEmailProps } from "./templates/sign-in.tsx";

export { renderEmail, type RenderedBody, type RenderedEmail } from "./render.ts";
export {
  ButtonLink,
  EmailLayout,
  Paragraph,
  Strong,
  colors,
  type ButtonLinkProps,
  type EmailLayoutProps,
  type ParagraphProps,
} from "./components/layout.tsx";
export { SignInEmail, signInSubject, type SignInEmailProps };

/** The magic-link sign-in email, ready to hand to a transport. */
export async function signInEmail(props: SignInEmailProps): Promise<RenderedEmail> {
  const { html, text } = await renderEmail(createElement(SignInEmail, props));
  return { subject: signInSubject, html, text };
}
