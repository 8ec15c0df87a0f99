/**
 * Runs once when the Next.js server starts. Starts Lantern's in-process background work
 * (the connector job runner) on the Node.js runtime only.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startBackgroundWork } = await import("./server/background");
  startBackgroundWork();
}
