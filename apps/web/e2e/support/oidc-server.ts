/**
 * A real OpenID Provider for the sign-in tests, built on the certified `oidc-provider`
 * package: one confidential client (Lantern's production test server), accounts looked
 * up by login where the login is the email address, and small login/consent pages of
 * its own (the package's development pages load web fonts, which this machine cannot).
 *
 *   node --import tsx e2e/support/oidc-server.ts
 */
import { generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import {
  OIDC_CLIENT_ID,
  OIDC_CLIENT_SECRET,
  OIDC_ISSUER,
  OIDC_NAME,
  OIDC_PORT,
  PRODUCTION_URL,
  FIRST_RUN_URL,
} from "./constants.ts";

const signingKey = {
  ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
  kid: "e2e-signing-key",
  use: "sig",
  alg: "RS256",
};

/** "marcus.chen@northwind.example" → "Marcus Chen". */
function nameFromEmail(email: string): string {
  return email
    .split("@")[0]!
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join(" ");
}

const provider = new Provider(OIDC_ISSUER, {
  clients: [
    {
      client_id: OIDC_CLIENT_ID,
      client_secret: OIDC_CLIENT_SECRET,
      client_name: "Lantern",
      redirect_uris: [
        `${PRODUCTION_URL}/api/auth/callback/oidc`,
        `${FIRST_RUN_URL}/api/auth/callback/oidc`,
      ],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  // The login is the email address; every address "exists" at this IdP.
  async findAccount(_ctx: unknown, sub: string) {
    return {
      accountId: sub,
      async claims() {
        return { sub, email: sub, email_verified: true, name: nameFromEmail(sub) };
      },
    };
  },
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
  // next-auth reads the person from the ID token: put the granted claims in it.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: {
    url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
  },
  jwks: { keys: [signingKey] },
  cookies: { keys: ["lantern-e2e-idp-cookie-key"] },
  pkce: { required: () => true },
  ttl: {
    AccessToken: 600,
    AuthorizationCode: 60,
    IdToken: 600,
    Interaction: 600,
    Session: 3600,
    Grant: 3600,
  },
});

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · ${OIDC_NAME}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font-family: system-ui, sans-serif; background: #eef2f7; margin: 0; }
  main { max-width: 360px; margin: 80px auto; background: #fff; padding: 32px; border-radius: 12px;
         box-shadow: 0 1px 3px rgba(0,0,0,.12); }
  h1 { font-size: 20px; margin: 0 0 4px; } p { color: #475569; font-size: 14px; }
  label { display: block; font-size: 14px; font-weight: 600; margin: 16px 0 6px; }
  input { width: 100%; box-sizing: border-box; padding: 8px 10px; font-size: 14px; }
  button { margin-top: 16px; width: 100%; padding: 10px; font-size: 14px; font-weight: 600;
           background: #1d4ed8; color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
  button.secondary { background: #fff; color: #1e293b; border: 1px solid #cbd5e1; }
</style></head>
<body><main>${body}</main></body></html>`;
}

function send(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  let body = "";
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

async function interactions(req: IncomingMessage, res: ServerResponse, path: string[]) {
  const [uid, action] = path;
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page("Error", "<h1>Unknown interaction</h1>"));
  const { prompt, params } = details;

  if (req.method === "GET" && !action) {
    if (prompt.name === "login") {
      const hint = typeof params.login_hint === "string" ? params.login_hint : "";
      return send(
        res,
        200,
        page(
          "Sign in",
          `<h1>${OIDC_NAME}</h1><p>Sign in to continue to Lantern.</p>
<form method="post" action="/interaction/${uid}/login">
  <label for="email">Email address</label>
  <input id="email" name="email" type="email" required autofocus value="${escapeHtml(hint)}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password">
  <button type="submit">Sign in</button>
</form>`,
        ),
      );
    }
    if (prompt.name === "consent") {
      return send(
        res,
        200,
        page(
          "Allow access",
          `<h1>Allow Lantern to sign you in?</h1>
<p>Lantern will receive your name and email address.</p>
<form method="post" action="/interaction/${uid}/consent"><button type="submit">Allow</button></form>
<form method="post" action="/interaction/${uid}/abort"><button class="secondary" type="submit">Cancel</button></form>`,
        ),
      );
    }
    return send(res, 501, page("Error", `<h1>Unsupported prompt ${escapeHtml(prompt.name)}</h1>`));
  }

  if (req.method === "POST" && action === "login" && prompt.name === "login") {
    const email = (await readForm(req)).get("email")?.trim().toLowerCase() ?? "";
    if (!email.includes("@")) {
      return send(res, 400, page("Sign in", "<h1>Enter your email address</h1>"));
    }
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: email } },
      { mergeWithLastSubmission: false },
    );
  }

  if (req.method === "POST" && action === "consent" && prompt.name === "consent") {
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: params.client_id });
    const missing = prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    return provider.interactionFinished(
      req,
      res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
  }

  if (req.method === "POST" && action === "abort") {
    return provider.interactionFinished(
      req,
      res,
      { error: "access_denied", error_description: "The person cancelled the sign-in." },
      { mergeWithLastSubmission: false },
    );
  }

  return send(res, 404, page("Error", "<h1>Not found</h1>"));
}

const oidcCallback = provider.callback();

const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", OIDC_ISSUER);
  const parts = url.pathname.split("/").filter(Boolean);
  if (parts[0] === "interaction") {
    interactions(req, res, parts.slice(1)).catch((error: unknown) => {
      console.error("[oidc] interaction failed:", error);
      if (!res.headersSent) send(res, 500, page("Error", "<h1>Sign-in failed</h1>"));
    });
    return;
  }
  oidcCallback(req, res);
});

provider.on("server_error", (_ctx: unknown, error: Error) =>
  console.error("[oidc] server_error", error),
);

server.listen(OIDC_PORT, "127.0.0.1", () => {
  console.log(`OpenID Provider listening at ${OIDC_ISSUER}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
