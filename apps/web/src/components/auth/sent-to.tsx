"use client";

import { useEffect, useState } from "react";

/** Where the sign-in form keeps the address it asked a link for (this tab only). */
export const SIGN_IN_EMAIL_KEY = "lantern:sign-in-email";

/**
 * "If <address> belongs to someone in Lantern, we sent a sign-in link to it." — the same words
 * whether or not it does (the answer never tells); the address never travels in the URL.
 */
export function SentTo() {
  const [email, setEmail] = useState<string | null>(null);
  useEffect(() => setEmail(sessionStorage.getItem(SIGN_IN_EMAIL_KEY)), []);
  return email ? (
    <>
      If <strong className="font-medium text-zinc-900">{email}</strong> belongs to someone in
      Lantern, we sent a sign-in link to it.
    </>
  ) : (
    <>If your address belongs to someone in Lantern, we sent you a sign-in link.</>
  );
}
