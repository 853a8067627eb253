import { createServer } from "node:net";

/** A port the OS considers free on `host` right now; the caller must cope with losing a race. */
export function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error(`no port was assigned on ${host}`));
      });
    });
  });
}
