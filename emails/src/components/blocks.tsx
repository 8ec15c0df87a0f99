/** @jsxRuntime automatic */
import { Heading, Link, Text } from "@react-email/components";
import { Fragment, type CSSProperties, type ReactNode } from "react";
import { colors, fontFamily } from "./layout.tsx";

/**
 * Building blocks of the notification emails, on top of the layout's paragraph and button:
 * a table of facts, a highlighted note, a small section heading, and the footer line about
 * notification settings. Same rules as the layout: inline styles with explicit light
 * colours, `lt-*` classes for the dark palette, and a readable plain-text rendering.
 */

const danger = {
  background: "#fef2f2",
  border: "#b91c1c",
  text: "#7f1d1d",
  label: "#991b1b",
} as const;

/** The highlighted note's cell: a bar of `bar` on the left, on `background`. */
const calloutCell = (bar: string, background: string): CSSProperties => ({
  padding: "12px 16px",
  backgroundColor: background,
  borderLeft: `4px solid ${bar}`,
  borderRadius: "4px",
});

/** The note's small uppercase label, in `color`. */
const calloutLabel = (color: string): CSSProperties => ({
  margin: "0 0 4px",
  fontFamily,
  fontSize: "12px",
  lineHeight: "18px",
  fontWeight: 700,
  letterSpacing: "0.04em",
  textTransform: "uppercase",
  color,
});

const styles = {
  factTable: {
    width: "100%",
    margin: "0 0 20px",
    borderCollapse: "collapse",
  },
  factLabel: {
    width: "128px",
    padding: "8px 12px 8px 0",
    verticalAlign: "top",
    borderTop: `1px solid ${colors.border}`,
    fontFamily,
    fontSize: "13px",
    lineHeight: "22px",
    color: colors.muted,
  },
  factValue: {
    padding: "8px 0",
    verticalAlign: "top",
    borderTop: `1px solid ${colors.border}`,
    fontFamily,
    fontSize: "15px",
    lineHeight: "22px",
    fontWeight: 600,
    color: colors.text,
    wordBreak: "break-word",
  },

  callout: {
    width: "100%",
    margin: "0 0 20px",
    borderCollapse: "separate",
  },
  calloutCell: calloutCell(colors.accent, "#f9fafb"),
  calloutCellDanger: calloutCell(danger.border, danger.background),
  calloutLabel: calloutLabel(colors.muted),
  calloutLabelDanger: calloutLabel(danger.label),
  calloutBody: {
    margin: 0,
    fontFamily,
    fontSize: "15px",
    lineHeight: "24px",
    color: colors.text,
    wordBreak: "break-word",
  },
  calloutBodyDanger: {
    margin: 0,
    fontFamily,
    fontSize: "15px",
    lineHeight: "24px",
    fontWeight: 600,
    color: danger.text,
    wordBreak: "break-word",
  },
  sectionHeading: {
    margin: "24px 0 8px",
    fontFamily,
    fontSize: "16px",
    lineHeight: "24px",
    fontWeight: 700,
    color: colors.text,
  },
  link: {
    color: colors.accent,
    textDecorationLine: "underline",
  },
} satisfies Record<string, CSSProperties>;

/** A fact that is prose (a reason, a note): the value's cell in regular weight. */
const factProse: CSSProperties = { ...styles.factValue, fontWeight: 400 };

export interface PresentationTableProps {
  style: CSSProperties;
  /** How the plain-text rendering lays the rows out, e.g. "dataTable" for aligned columns. */
  "data-text-format"?: string;
  /** The table's rows. */
  children: ReactNode;
}

/**
 * A full-width table that only lays out rows (email clients lay out reliably with tables):
 * no spacing or border of its own, and no data table for screen readers.
 */
export function PresentationTable({ style, children, ...rest }: PresentationTableProps) {
  return (
    <table
      role="presentation"
      width="100%"
      cellPadding={0}
      cellSpacing={0}
      border={0}
      style={style}
      {...rest}
    >
      <tbody>{children}</tbody>
    </table>
  );
}

export interface Fact {
  label: string;
  /** Facts whose value is `null`, `undefined` or `false` are left out. */
  value: ReactNode;
  /** Regular weight instead of bold, for prose such as a reason. */
  prose?: boolean;
}

/**
 * Label/value rows ("App — Salesforce"). In the plain-text rendering the rows come out as
 * two aligned columns.
 */
export function FactTable({ facts }: { facts: readonly Fact[] }) {
  const shown = facts.filter((fact) => fact.value != null && fact.value !== false);
  return (
    <PresentationTable style={styles.factTable} data-text-format="dataTable">
      {shown.map((fact) => (
        <tr key={fact.label}>
          <td style={styles.factLabel} className="lt-fact-label lt-muted lt-rule">
            {fact.label}
          </td>
          <td style={fact.prose ? factProse : styles.factValue} className="lt-text lt-rule">
            {fact.value}
          </td>
        </tr>
      ))}
    </PresentationTable>
  );
}

/** Text as the person typed it: each line break kept (as `<br>`), everything escaped. */
export function MultilineText({ text }: { text: string }) {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    <>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

export interface CalloutProps {
  /** Short label above the text, e.g. "Reason" or "Error". */
  label?: string;
  /** `danger` for errors: red instead of the brand accent. */
  tone?: "note" | "danger";
  children: ReactNode;
}

/** A highlighted note with an accent bar: a reminder, a reassignment reason, an error. */
export function Callout({ label, tone = "note", children }: CalloutProps) {
  const isDanger = tone === "danger";
  return (
    <PresentationTable style={styles.callout}>
      <tr>
        <td
          style={isDanger ? styles.calloutCellDanger : styles.calloutCell}
          className={isDanger ? "lt-callout-danger" : "lt-callout"}
        >
          {label ? (
            <Text
              style={isDanger ? styles.calloutLabelDanger : styles.calloutLabel}
              className={isDanger ? "lt-danger-text" : "lt-muted"}
            >
              {label}
            </Text>
          ) : null}
          <Text
            style={isDanger ? styles.calloutBodyDanger : styles.calloutBody}
            className={isDanger ? "lt-danger-text" : "lt-text"}
          >
            {children}
          </Text>
        </td>
      </tr>
    </PresentationTable>
  );
}

/** A heading inside the card (`<h2>`), for emails with several parts such as the digest. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.sectionHeading} className="lt-heading">
      {children}
    </Heading>
  );
}

/** An inline link in the brand colour. */
export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link} className="lt-link">
      {children}
    </Link>
  );
}

/** The footer line every notification carries: where to change what one receives. */
export function SettingsNote({ settingsUrl }: { settingsUrl: string }) {
  return (
    <>
      To change which notifications you receive, open{" "}
      <TextLink href={settingsUrl}>your settings in Lantern</TextLink>.
    </>
  );
}
