/** @jsxRuntime automatic */
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Html,
  Link,
  Preview,
  Row,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";

/**
 * Shared look of every Lantern email.
 *
 * Rules the layout enforces so individual templates do not have to:
 * - no images and no web fonts (nothing is fetched when the email is opened);
 * - every background and text colour is explicit, so clients that do not apply the
 *   dark-mode stylesheet (`headCss`) (Gmail, Outlook) still get a readable, high-contrast
 *   light design, and clients that do (Apple Mail, Outlook for Mac, iOS) get a
 *   matching dark one;
 * - the footer always says why the recipient is getting the email.
 */

export const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif';

/**
 * Light palette (default). Contrast (WCAG): text on card 14.7:1, muted on card 7.6:1 and
 * on page 6.9:1, accent links on card 5.0:1, button text on accent 5.0:1.
 */
export const colors = {
  page: "#f3f4f6",
  card: "#ffffff",
  border: "#e5e7eb",
  text: "#1f2937",
  muted: "#4b5563",
  accent: "#b45309",
  buttonText: "#ffffff",
} as const;

/**
 * The only stylesheet: a narrower card padding on phones, and a dark palette applied only
 * by clients that honour `prefers-color-scheme` (contrast on the dark card: text 14.3:1,
 * muted 7.4:1, links 10.3:1). The button keeps its light-mode colours, which read well on
 * both backgrounds. Everything else is inline, so clients that drop <style> lose nothing.
 * The `lt-rule` and `lt-callout*` classes belong to the blocks in `blocks.tsx`.
 */
const headCss = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (max-width: 480px) {
  .lt-card-cell { padding: 24px 20px 4px !important; }
  .lt-fact-label { width: 96px !important; }
}
@media (prefers-color-scheme: dark) {
  .lt-page { background-color: #0f1115 !important; }
  .lt-card {
    background-color: #181b22 !important;
    border-color: #2b303b !important;
    border-top-color: #d97706 !important;
  }
  .lt-brand, .lt-heading, .lt-text { color: #e8eaed !important; }
  .lt-muted { color: #a3aab5 !important; }
  .lt-link { color: #fbbf24 !important; }
  .lt-rule { border-color: #2b303b !important; }
  .lt-callout {
    background-color: #20242d !important;
    border-left-color: #d97706 !important;
  }
  .lt-callout-danger {
    background-color: #2c1618 !important;
    border-left-color: #f87171 !important;
  }
  .lt-danger-text { color: #fecaca !important; }
}
`;

const styles = {
  body: {
    margin: 0,
    padding: 0,
    backgroundColor: colors.page,
  },
  page: {
    backgroundColor: colors.page,
  },
  pageCell: {
    padding: "32px 12px",
    color: colors.text,
    fontFamily,
    WebkitTextSizeAdjust: "100%",
  },
  container: {
    maxWidth: "560px",
    width: "100%",
    margin: "0 auto",
  },
  brand: {
    margin: "0 0 16px",
    padding: "0 4px",
    fontFamily,
    fontSize: "20px",
    lineHeight: "28px",
    fontWeight: 700,
    letterSpacing: "-0.01em",
    color: colors.text,
  },
  card: {
    backgroundColor: colors.card,
    border: `1px solid ${colors.border}`,
    borderTop: `4px solid ${colors.accent}`,
    borderRadius: "8px",
    borderCollapse: "separate",
  },
  cardCell: {
    padding: "32px 32px 8px",
  },
  heading: {
    margin: "0 0 16px",
    fontFamily,
    fontSize: "22px",
    lineHeight: "30px",
    fontWeight: 700,
    color: colors.text,
  },
  paragraph: {
    margin: "0 0 16px",
    fontFamily,
    fontSize: "15px",
    lineHeight: "24px",
    color: colors.text,
  },
  paragraphMuted: {
    margin: "0 0 16px",
    fontFamily,
    fontSize: "14px",
    lineHeight: "22px",
    color: colors.muted,
  },
  buttonCell: {
    padding: "8px 0 16px",
  },
  button: {
    backgroundColor: colors.accent,
    color: colors.buttonText,
    fontFamily,
    fontSize: "16px",
    fontWeight: 600,
    lineHeight: "20px",
    borderRadius: "6px",
    padding: "12px 24px",
    textAlign: "center",
  },
  fallbackLabel: {
    margin: "16px 0 4px",
    fontFamily,
    fontSize: "13px",
    lineHeight: "20px",
    color: colors.muted,
  },
  fallbackUrl: {
    margin: 0,
    fontFamily,
    fontSize: "13px",
    lineHeight: "20px",
    wordBreak: "break-all",
  },
  link: {
    color: colors.accent,
    textDecorationLine: "underline",
  },
  footerCell: {
    padding: "20px 4px 0",
  },
  footerText: {
    margin: "0 0 8px",
    fontFamily,
    fontSize: "12px",
    lineHeight: "18px",
    color: colors.muted,
  },
} satisfies Record<string, CSSProperties>;

export interface EmailLayoutProps {
  /** Inbox preview line (shown next to the subject; hidden in the body; max ~150 chars). */
  preview: string;
  /** The single `<h1>` of the email. */
  heading: string;
  /**
   * Why the recipient gets this email, completing the sentence
   * "You received this email because …" (no trailing period), e.g.
   * `you are an owner of Salesforce in Acme`.
   */
  reason: ReactNode;
  /** Optional extra footer line, e.g. a link to notification settings. */
  footerNote?: ReactNode;
  children: ReactNode;
}

export function EmailLayout({ preview, heading, reason, footerNote, children }: EmailLayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        {/* Mail clients and screen readers name the message by its title (WCAG 2.4.2). */}
        <title>{heading}</title>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <style dangerouslySetInnerHTML={{ __html: headCss }} />
      </Head>
      <Body style={styles.body} className="lt-page">
        <Preview>{preview}</Preview>
        {/* Paddings live on cells (<td>), which every client honours, not on tables. */}
        <Row style={styles.page} className="lt-page">
          <Column style={styles.pageCell}>
            <Container style={styles.container}>
              <Text style={styles.brand} className="lt-brand">
                Lantern
              </Text>
              <Row style={styles.card} className="lt-card">
                <Column style={styles.cardCell} className="lt-card-cell">
                  <Heading as="h1" style={styles.heading} className="lt-heading">
                    {heading}
                  </Heading>
                  {children}
                </Column>
              </Row>
              <Row>
                <Column style={styles.footerCell}>
                  <Text style={styles.footerText} className="lt-muted">
                    You received this email because {reason}.
                  </Text>
                  {footerNote ? (
                    <Text style={styles.footerText} className="lt-muted">
                      {footerNote}
                    </Text>
                  ) : null}
                  <Text style={styles.footerText} className="lt-muted">
                    Lantern · open-source access governance
                  </Text>
                </Column>
              </Row>
            </Container>
          </Column>
        </Row>
      </Body>
    </Html>
  );
}

export interface ParagraphProps {
  /** `muted` for secondary information (expiry notes, "ignore this email" lines). */
  tone?: "default" | "muted";
  children: ReactNode;
}

/** Body text with the layout's font, size and colours. */
export function Paragraph({ tone = "default", children }: ParagraphProps) {
  return tone === "muted" ? (
    <Text style={styles.paragraphMuted} className="lt-muted">
      {children}
    </Text>
  ) : (
    <Text style={styles.paragraph} className="lt-text">
      {children}
    </Text>
  );
}

export interface ButtonLinkProps {
  /** Absolute URL the button opens (printed verbatim beneath the button too). */
  href: string;
  /** Button label, e.g. "Open task". */
  children: ReactNode;
}

/**
 * The primary call to action: a bulletproof button, followed by the same URL as
 * plain text for clients (and people) that block or distrust buttons.
 *
 * In the plain-text rendering the button itself is skipped and only the printed
 * URL remains, so the link appears exactly once.
 */
export function ButtonLink({ href, children }: ButtonLinkProps) {
  return (
    <Row>
      <Column style={styles.buttonCell}>
        <Button href={href} style={styles.button} data-skip-in-text="true">
          {children}
        </Button>
        <Text style={styles.fallbackLabel} className="lt-muted">
          <span data-skip-in-text="true">Button not working? </span>
          Copy and paste this link into your browser:
        </Text>
        <Text style={styles.fallbackUrl}>
          <Link href={href} style={styles.link} className="lt-link">
            {href}
          </Link>
        </Text>
      </Column>
    </Row>
  );
}

/** Bold inline text for the facts a reader scans for (addresses, app names, hosts). */
export function Strong({ children }: { children: ReactNode }) {
  return <strong style={{ fontWeight: 700 }}>{children}</strong>;
}
