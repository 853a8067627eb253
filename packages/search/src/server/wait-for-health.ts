/**
 * Polls `/health` until the server answers "available". Resolves false when the deadline passes
 * or `gaveUp()` turns true (the process died), so the caller can say which happened.
 */
export async function waitForHealth(
  url: string,
  deadline: number,
  gaveUp: () => boolean,
): Promise<boolean> {
  while (Date.now() < deadline && !gaveUp()) {
    if (await isAvailable(url, deadline)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

async function isAvailable(url: string, deadline: number): Promise<boolean> {
  try {
    const response = await fetch(new URL("health", url), {
      headers: { "Accept-Encoding": "identity" },
      signal: AbortSignal.timeout(Math.max(1, Math.min(1000, deadline - Date.now()))),
    });
    const body: unknown = await response.json();
    return (
      typeof body === "object" && body !== null && "status" in body && body.status === "available"
    );
  } catch {
    return false;
  }
}
