// Helpers for the template tests (not exported from the package).
import { createElement, type ReactElement } from "react";
import { expect } from "vitest";
import { renderEmail, type RenderedBody, type RenderedEmail } from "../render.ts";

/** How React serialises an attribute value (what an HTML parser decodes back to `value`). */
export function asHtmlAttribute(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#x27;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;");
}

/** The HTML without the `<!-- -->` markers React puts between adjacent text fragments. */
export function withoutTextMarkers(html: string): string {
  return html.replaceAll("<!-- -->", "");
}

/** How many times `needle` occurs in `haystack`. */
export function occurrences(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

/** Text a person could type into a reason or a note, with everything HTML cares about. */
export const hostileText = `<script>alert("owned")</script> & 'single' "double" <b>bold</b>`;

/** The same text as it must appear in the HTML body: escaped, never as markup. */
export const hostileTextEscaped =
  "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; &#x27;single&#x27; &quot;double&quot; &lt;b&gt;bold&lt;/b&gt;";

/**
 * The deep link is absolute, is the button's and the printed fallback's target in HTML
 * (twice), and appears exactly once in plain text.
 */
export function expectDeepLink({ html, text }: RenderedBody, url: string): void {
  expect(url).toMatch(/^https?:\/\//);
  expect(occurrences(html, `href="${asHtmlAttribute(url)}"`)).toBe(2);
  expect(occurrences(text, url)).toBe(1);
}

/** Typed text reaches the HTML escaped (no markup, no script) and the plain text verbatim. */
export function expectEscaped({ html, text }: RenderedBody): void {
  expect(html).toContain(hostileTextEscaped);
  expect(html).not.toContain("<script");
  expect(html).not.toContain("<b>bold</b>");
  expect(text).toContain(hostileText);
}

/** Nothing is fetched when the email is opened. */
export function expectNoExternalResources(html: string): void {
  expect(html).not.toMatch(/<img/i);
  expect(html).not.toMatch(/<link/i);
  expect(html).not.toMatch(/@import|@font-face|url\(/i);
  expect(html).not.toMatch(/\ssrc=/i);
}

/** The footer says why the email came and where notification preferences are changed. */
export function expectFooter({ html, text }: RenderedBody, reason: string, settingsUrl: string) {
  for (const body of [withoutTextMarkers(html), text]) {
    expect(body).toContain(`You received this email because ${reason}.`);
    expect(body).toContain("To change which notifications you receive");
  }
  expect(html).toContain(`href="${asHtmlAttribute(settingsUrl)}"`);
  expect(occurrences(text, settingsUrl)).toBe(1);
}

/** A template renders the props `email dev` previews it with, and links where they say. */
export async function expectPreviewRenders<P extends { url: string }>(
  Email: ((props: P) => ReactElement) & { PreviewProps: P },
): Promise<void> {
  const rendered = await renderEmail(createElement(Email, Email.PreviewProps));
  expectDeepLink(rendered, Email.PreviewProps.url);
}

/**
 * The email matches its committed plain-text snapshot, `__snapshots__/<name>.txt` next to the
 * test file: "Subject: …", a blank line, then the text body.
 */
export async function expectTextSnapshot({ subject, text }: RenderedEmail, name: string) {
  await expect(`Subject: ${subject}\n\n${text}\n`).toMatchFileSnapshot(
    `./__snapshots__/${name}.txt`,
  );
}
