"use client";

import { useEffect, useState } from "react";

/** Where the sign-in form keeps the address it asked a link for (this tab only). */
export const SIGN_IN_EMAIL_KEY = "lantern:sign-in-email";

/** "We sent a sign-in link to <address>." — the address never travels in the URL. */
export function SentTo() {
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => setEmail(sessionStorage.getItem(SIGN_IN_EMAIL_KEY)), []);
  return email ? (
    <>
      We sent a sign-in link to <strong className="font-medium text-zinc-900">{email}</strong>.
    </>
  ) : (
    <>We sent you a sign-in link.</>
  );
}
