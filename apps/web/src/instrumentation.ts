/**
 * Runs once when the Next.js server starts, before it serves anything: on the Node.js
 * runtime, refuses invalid settings (the process exits with the reason), then starts
 * Lantern's in-process background work (the connector job runner).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { refuseInvalidSettings } = await import("./server/startup-check");
  refuseInvalidSettings(process.env);
  const { startBackgroundWork } = await import("./server/background");
  startBackgroundWork();
}
