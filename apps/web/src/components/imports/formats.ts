// The import file formats (SPEC §4.6), as the import dialog explains them. The full description
// is packages/connectors/README.md ("File import"); the examples are the first rows of
// packages/connectors/examples/*. A plain module: no React.

export type ImportKind = "accounts" | "entitlements" | "grants" | "users";

export interface KindFormat {
  label: string;
  /** Columns; required ones first. */
  required: string[];
  optional: string[];
  note: string;
  /** A small example file. */
  example: { name: string; csv: string };
}

export const FORMATS: Record<ImportKind, KindFormat> = {
  accounts: {
    label: "Accounts",
    required: ["externalId"],
    optional: [
      "login",
      "emails",
      "givenName",
      "familyName",
      "displayName",
      "status",
      "type",
      "lastLoginAt",
    ],
    note: "emails: primary first, separated by ;. status ACTIVE (default), DISABLED or DELETED; type USER (default), SERVICE or SYSTEM; lastLoginAt ISO 8601 (blank: no usage data). Any other column is kept as a profile attribute.",
    example: {
      name: "accounts-example.csv",
      csv: [
        "externalId,login,emails,givenName,familyName,displayName,status,type,lastLoginAt,Region",
        "0058d00000A1xQa,dana.ortiz@acme.com,dana.ortiz@acme.com;dana@acme-sales.com,Dana,Ortiz,Dana Ortiz,ACTIVE,USER,2026-11-20T08:15:00Z,EMEA",
        "0058d00000A1xQd,integration@acme.com,,,,Integration User,ACTIVE,SERVICE,,",
      ].join("\n"),
    },
  },
  entitlements: {
    label: "Entitlements",
    required: ["slug"],
    optional: ["displayName", "description"],
    note: "displayName defaults to the slug. Strategies, policies and owners set in Lantern are never overwritten.",
    example: {
      name: "entitlements-example.csv",
      csv: [
        "slug,displayName,description",
        'sysadmin,System Administrator,"Full access to setup, users and data."',
        "sales-user,Sales User,Read and edit accounts and opportunities.",
      ].join("\n"),
    },
  },
  grants: {
    label: "Grants",
    required: ["accountExternalId", "entitlementSlug"],
    optional: ["grantedAt", "expiresAt"],
    note: "Each row names an account and an entitlement the app already has (or that the same JSON document adds). grantedAt defaults to the import's time.",
    example: {
      name: "grants-example.csv",
      csv: [
        "accountExternalId,entitlementSlug,grantedAt,expiresAt",
        "0058d00000A1xQa,sales-user,2025-03-01T09:00:00Z,",
      ].join("\n"),
    },
  },
  users: {
    label: "People",
    required: ["email", "givenName", "familyName"],
    optional: ["displayName", "title", "department", "managerEmail", "status"],
    note: "People are matched by email (case ignored): new ones are added, known ones updated; nobody missing from the file changes. managerEmail may name someone in the same file; status ACTIVE, SUSPENDED or DEPROVISIONED.",
    example: {
      name: "people-example.csv",
      csv: [
        "email,givenName,familyName,displayName,title,department,managerEmail,status",
        "lee.chen@acme.com,Lee,Chen,Lee Chen,VP Sales Operations,Sales,,ACTIVE",
        "dana.ortiz@acme.com,Dana,Ortiz,Dana Ortiz,Account Executive,Sales,lee.chen@acme.com,ACTIVE",
      ].join("\n"),
    },
  },
};

export const JSON_NOTE =
  'JSON: one document { "entitlements": [...], "accounts": [...], "grants": [...] } with the same field names (emails an array, profile an object); it may hold any of the kinds, applied entitlements → accounts → grants in one go.';

/** csv or json, from the file's name or type; null when it is neither. */
export function fileFormat(file: { name: string; type: string }): "csv" | "json" | null {
  const name = file.name.toLowerCase();
  if (name.endsWith(".csv") || file.type === "text/csv") return "csv";
  if (name.endsWith(".json") || file.type === "application/json") return "json";
  return null;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/** What the upload routes answer on a refusal. */
export interface ImportRefusal {
  code: string;
  message: string;
  problems: ImportProblem[];
  truncated: boolean;
}

export function readRefusal(body: unknown, status: number): ImportRefusal {
  const error = (body as { error?: Partial<ImportRefusal> } | null)?.error;
  return {
    code: error?.code ?? `HTTP_${status}`,
    message: error?.message ?? "The import failed. Try again.",
    problems: Array.isArray(error?.problems) ? error.problems : [],
    truncated: error?.truncated === true,
  };
}
