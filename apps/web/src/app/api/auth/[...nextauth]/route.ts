import NextAuth from "next-auth";
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { env } from "~/env";
import { clientIpOf } from "~/server/auth/client-ip";
import { authOptionsFor } from "~/server/auth/options";
import { cleanAuthRequest, isHostileCallbackCookie } from "~/server/auth/route-input";

// next-auth, with the options of this request: magic-link requests are throttled by the
// client's IP (LANTERN_TRUSTED_PROXIES says how it is found). Input next-auth would answer
// with a 500 is made safe or refused first (route-input.ts).
async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const cleaned = await cleanAuthRequest(req);
  if ("refusal" in cleaned) return cleaned.refusal;
  // next-auth reads cookies through next/headers: a planted callback-URL cookie is deleted
  // there (and so in the browser) before it reads them.
  const jar = await cookies();
  for (const { name, value } of jar.getAll()) {
    if (isHostileCallbackCookie(name, value)) jar.delete(name);
  }
  return NextAuth(
    cleaned.request,
    context,
    authOptionsFor(clientIpOf(req.headers, env.LANTERN_TRUSTED_PROXIES)),
  );
}

export { handler as GET, handler as POST };
