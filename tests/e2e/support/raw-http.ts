import http from "node:http";

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes of the status line and headers, as received. */
  headerBytes: number;
  body: string;
}

/**
 * One request exactly as written: the path is sent byte for byte (no URL parsing that
 * would re-encode `%FF` or refuse `%zz`), with any method and headers.
 */
export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}, timeoutMs = 30_000): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method, path, headers, agent: false, timeout: timeoutMs, maxHeaderSize: 1 << 20 }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, headerBytes: res.rawHeaders.reduce((n, h) => n + h.length + 2, 0), body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on("error", reject);
    req.end();
  });
}
