import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A page of another site, served for as long as a test needs it. */
export interface OtherSite {
  /** Its address: http://localhost:<port>/ — another origin than Lantern, but the same site. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `html` on a free port of this machine: an attacker's page on "the same site" as
 * Lantern (another port of localhost), which the browser sends Lantern's cookies from.
 */
export async function serveOtherSite(html: string): Promise<OtherSite> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(html);
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}/`,
    close: () =>
      new Promise<void>((closed) => {
        server.closeAllConnections();
        server.close(() => closed());
      }),
  };
}
