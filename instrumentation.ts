/** Runs once when the server starts (Next's instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installNodeGuard } = await import("./lib/http/node-guard");
    installNodeGuard();
  }
}
