import { render, toPlainText } from "@react-email/render";
import type { ReactElement } from "react";

export interface RenderedBody {
  html: string;
  text: string;
}

export interface RenderedEmail extends RenderedBody {
  subject: string;
}

/**
 * Renders one email element to its HTML and plain-text bodies. React renders once; the text
 * is converted from that HTML (what `render(…, { plainText: true })` does after a second
 * render of its own).
 */
export async function renderEmail(element: ReactElement): Promise<RenderedBody> {
  const html = await render(element);
  const text = toPlainText(html);
  // html-to-text leaves runs of blank lines where skipped elements (the inbox preview,
  // the button) were; one blank line between blocks is enough.
  return { html, text: text.replace(/\n{3,}/g, "\n\n").trim() };
}
