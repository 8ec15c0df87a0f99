// The dev mailbox shows an email's HTML in a sandboxed frame (email-body.tsx). A sandboxed
// frame may not navigate itself away, so a link must leave it as a new tab, the way a mail
// client opens links in the browser. Pure, so the table test beside it can pin it down.

/**
 * What the frame's sandbox allows: opening the email's links in a new tab (and that tab is
 * an ordinary page, not sandboxed itself). Nothing else: no scripts, no same-origin access,
 * no forms, no navigating the mailbox away.
 */
export const EMAIL_FRAME_SANDBOX = "allow-popups allow-popups-to-escape-sandbox";

/**
 * Every link of the email opens in a new tab, without telling the page it came from the
 * mailbox: a `<base target="_blank">` (no href, so the page's `base-uri 'none'` still holds
 * and relative links stay as they are) and a no-referrer policy, first thing in the head.
 */
const HEAD_START = /<head(?:\s[^>]*)?>/i;
const ADDED = '<base target="_blank"><meta name="referrer" content="no-referrer">';

export function emailFrameHtml(html: string): string {
  const head = HEAD_START.exec(html);
  if (head) {
    const at = head.index + head[0].length;
    return html.slice(0, at) + ADDED + html.slice(at);
  }
  // No head (a fragment): the parser puts these into the head it makes.
  return ADDED + html;
}
