import axios from "axios";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "http";
import type { AddressInfo } from "net";
import { HttpTransport, JSON_CONTENT_TYPE, path } from "../../lib/runtime/http";
import { ImsApiError, WaitAbortedError } from "../../lib/runtime/errors";
import { SILENT } from "../../lib/runtime/log";
import { verifyGatewaySignature } from "../../lib/emulator/signature";

const CREDS = { accessKey: "AKTEST", secretKey: "SKTEST" };

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

/** A raw HTTP server answering with `handler`, recording what it received. */
async function serve(
  handler: (req: Seen, res: ServerResponse) => void,
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const s = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
      };
      seen.push(s);
      handler(s, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const close = (s: Server) => new Promise<void>((r) => s.close(() => r()));

function transport(maxResponseBytes = 1024 * 1024): HttpTransport {
  return new HttpTransport(axios.create(), {
    credentials: CREDS,
    requestTimeoutMs: 5000,
    maxResponseBytes,
    logger: SILENT,
    signingClock: Date.now,
  });
}

async function failure(p: Promise<unknown>): Promise<ImsApiError> {
  try {
    await p;
  } catch (e) {
    if (ImsApiError.isImsApiError(e)) return e;
    throw e;
  }
  throw new Error("expected an ImsApiError");
}

describe("the HTTP transport", () => {
  test("it sends a signed JSON request that the gateway's verifier accepts, with the documented headers", async () => {
    const { url, seen, server } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "rid-1" });
      res.end('{"job_id":"j1"}');
    });
    try {
      const res = await transport().send({
        method: "POST",
        baseUrl: url,
        path: path`/v1/cloudimages/${"id with/slash"}/copy`,
        query: [["a", "x y"]],
        body: { name: "n", description: "é" },
        projectId: "p1",
        operation: "copy image",
      });
      expect(res).toEqual({ status: 200, data: { job_id: "j1" }, requestId: "rid-1" });
      const [req] = seen;
      expect(req.url).toBe("/v1/cloudimages/id%20with%2Fslash/copy?a=x%20y");
      expect(req.headers["content-type"]).toBe(JSON_CONTENT_TYPE);
      expect(req.headers["x-project-id"]).toBe("p1");
      expect(req.body.toString("utf8")).toBe('{"name":"n","description":"é"}');
      expect(
        verifyGatewaySignature(
          { method: req.method, target: req.url, headers: req.headers, body: req.body },
          (ak) => (ak === "AKTEST" ? "SKTEST" : undefined),
          Date.now(),
        ),
      ).toEqual({ ok: true, accessKey: "AKTEST" });
    } finally {
      await close(server);
    }
  });

  test("a 2xx body that is not JSON is a clear error", async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html><body>Login</body></html>");
    });
    try {
      const e = await failure(
        transport().send({ method: "GET", baseUrl: url, path: "/v2/cloudimages", operation: "list images" }),
      );
      expect(e.kind).toBe("invalid-response");
      expect(e.message).toBe(
        'IMS list images failed: the response body is not JSON (starts with "<html><body>Login</body></html>"). Check that the endpoint is an IMS/IAM endpoint and not a proxy or login page',
      );
    } finally {
      await close(server);
    }
  });

  test("an error status with a non-JSON body keeps the status", async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(502);
      res.end("Bad Gateway");
    });
    try {
      const e = await failure(
        transport().send({ method: "GET", baseUrl: url, path: "/x", operation: "get image" }),
      );
      expect(e).toMatchObject({ kind: "http", status: 502, code: undefined });
    } finally {
      await close(server);
    }
  });

  test("a body larger than the cap is refused", async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ images: "x".repeat(5000) }));
    });
    try {
      const e = await failure(
        transport(1000).send({
          method: "GET",
          baseUrl: url,
          path: "/v2/cloudimages",
          operation: "list images",
        }),
      );
      expect(e.message).toBe(
        "IMS list images failed: the response body is larger than 1000 bytes. Check that the endpoint is an IMS/IAM endpoint; list calls are paged, so no legitimate answer is this large",
      );
    } finally {
      await close(server);
    }
  });

  test("the request ID comes from X-Request-Id, else from the gateway body's request_id", async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(401, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          error_code: "APIGW.0301",
          error_msg: "Incorrect IAM authentication information: verify aksk signature fail",
          request_id: "body-rid",
        }),
      );
    });
    try {
      const e = await failure(
        transport().send({ method: "GET", baseUrl: url, path: "/x", operation: "get image" }),
      );
      expect(e).toMatchObject({ status: 401, code: "APIGW.0301", requestId: "body-rid" });
    } finally {
      await close(server);
    }
  });

  test("a caller's abort stops a request in flight with an interruption", async () => {
    const { url, server } = await serve(() => undefined); // never answers
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      await expect(
        transport().send({
          method: "GET",
          baseUrl: url,
          path: "/x",
          operation: "show job",
          signal: controller.signal,
        }),
      ).rejects.toThrow(
        new WaitAbortedError("Interrupted during IMS show job; running again resumes.", undefined, undefined),
      );
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });

  test("a response that does not complete within the request timeout is a timeout error", async () => {
    const { url, server } = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write("{"); // then trickles nothing more
    });
    try {
      const t = new HttpTransport(axios.create(), {
        credentials: CREDS,
        requestTimeoutMs: 200,
        maxResponseBytes: 1000,
        logger: SILENT,
        signingClock: Date.now,
      });
      const e = await failure(t.send({ method: "GET", baseUrl: url, path: "/x", operation: "show job" }));
      expect(e).toMatchObject({ kind: "timeout", code: "ETIMEDOUT" });
      expect(e.message).toBe(
        `IMS show job failed: no complete response from GET ${url}/x within 200 ms. The service is slow or unreachable: run again later`,
      );
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });

  test("a redirect is not followed (it would be signed for another URL)", async () => {
    const { url, seen, server } = await serve((_req, res) => {
      res.writeHead(302, { Location: "/elsewhere" });
      res.end();
    });
    try {
      const e = await failure(
        transport().send({ method: "GET", baseUrl: url, path: "/x", operation: "get image" }),
      );
      expect(e.status).toBe(302);
      expect(seen).toHaveLength(1);
    } finally {
      await close(server);
    }
  });

  describe("proxy from the environment", () => {
    const saved = {
      HTTPS_PROXY: process.env.HTTPS_PROXY,
      https_proxy: process.env.https_proxy,
      HTTP_PROXY: process.env.HTTP_PROXY,
      http_proxy: process.env.http_proxy,
      NO_PROXY: process.env.NO_PROXY,
      no_proxy: process.env.no_proxy,
    };
    afterEach(() => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });

    test("HTTP_PROXY is honoured, and NO_PROXY bypasses it", async () => {
      const target = await serve((_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end("{}");
      });
      // a minimal forward proxy for absolute-form http requests
      const proxied: string[] = [];
      const proxy = await serve((req, res) => {
        proxied.push(req.url);
        const u = new URL(req.url);
        const up = httpRequest(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname + u.search,
            method: req.method,
            headers: req.headers,
          },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        up.end(req.body);
      });
      try {
        delete process.env.NO_PROXY;
        delete process.env.no_proxy;
        process.env.HTTP_PROXY = proxy.url;
        process.env.http_proxy = proxy.url;
        await transport().send({
          method: "GET",
          baseUrl: target.url,
          path: "/via-proxy",
          operation: "get image",
        });
        expect(proxied).toEqual([`${target.url}/via-proxy`]);
        process.env.NO_PROXY = "127.0.0.1";
        process.env.no_proxy = "127.0.0.1";
        await transport().send({
          method: "GET",
          baseUrl: target.url,
          path: "/direct",
          operation: "get image",
        });
        expect(proxied).toHaveLength(1);
        expect(target.seen.map((s) => s.url)).toEqual(["/via-proxy", "/direct"]);
      } finally {
        await close(target.server);
        await close(proxy.server);
      }
    });

    test("HTTPS_PROXY tunnels https endpoints with CONNECT (TLS stays end to end)", async () => {
      const connects: string[] = [];
      const proxy = createServer();
      proxy.on("connect", (req: IncomingMessage, socket: import("net").Socket) => {
        connects.push(req.url ?? "");
        socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n");
      });
      await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
      try {
        delete process.env.NO_PROXY;
        delete process.env.no_proxy;
        const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
        process.env.HTTPS_PROXY = proxyUrl;
        process.env.https_proxy = proxyUrl;
        const e = await failure(
          transport().send({
            method: "GET",
            baseUrl: "https://ims.cn-north-4.myhuaweicloud.com",
            path: "/v2/cloudimages",
            operation: "list images",
          }),
        );
        expect(connects).toEqual(["ims.cn-north-4.myhuaweicloud.com:443"]);
        // https-proxy-agent hands a refused CONNECT back as the response itself
        expect(e).toMatchObject({ kind: "http", status: 502 });
      } finally {
        await close(proxy);
      }
    });
  });
});
