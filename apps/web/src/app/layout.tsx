import type { Metadata } from "next";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Lantern", template: "%s · Lantern" },
  description: "Know who has access to what, and get access work done.",
  icons: { icon: "/icon.svg" },
};

// Every page is rendered per request: its scripts carry that request's CSP nonce (src/proxy.ts),
// which a page prerendered at build time could not (the browser would refuse its scripts).
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
