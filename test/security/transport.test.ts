/**
 * Transport security of the apply-time runtime (the bundle, run as Terraform runs it, real HTTP):
 * TLS verification is on by default (a self-signed endpoint is refused before any request), plain
 * `http://` to a non-loopback host is refused unless explicitly allowed, and `HTTPS_PROXY` /
 * `HTTP_PROXY` / `NO_PROXY` are honoured. Certificates are made with `openssl` at test time; the
 * proxies are small loopback servers written here.
 */
import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import {
  createServer as createHttpServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
} from "http";
import { createServer as createHttpsServer } from "https";
import { connect, type AddressInfo, type Socket } from "net";
import { join } from "path";
import { ImsEmulator, SeedImage } from "../../lib/emulator";
import { ExitCode, RuntimeEnv } from "../../lib/shared/constants";
import {
  buildBundle,
  emulatorEnv,
  markerFor,
  removeDir,
  runRuntime,
  startRuntime,
  tempDir,
  TEST_RESOURCE_ID,
} from "../handler/support/runtime";

jest.setTimeout(60_000);

let dir: string;
let bundle: string;
let emulator: ImsEmulator;
let url: string;
const servers: Server[] = [];

/** Writes a CA and a server certificate for `host` (signed by the CA) into `dir`. */
function makeCertificates(host: string): { ca: string; key: string; cert: string } {
  const sh = (script: string): void => {
    const r = spawnSync("sh", ["-c", script], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  };
  writeFileSync(join(dir, "ext.cnf"), `subjectAltName=DNS:${host},IP:127.0.0.1\n`);
  sh(
    "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=ims-test-ca 2>/dev/null",
  );
  sh(`openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=${host} 2>/dev/null`);
  sh(
    "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile ext.cnf 2>/dev/null",
  );
  return { ca: join(dir, "ca.pem"), key: join(dir, "server.key"), cert: join(dir, "server.pem") };
}

/** Every socket of the test servers, destroyed at the end (keep-alive and tunnels would hold jest open). */
const sockets = new Set<Socket>();

async function listen(server: Server): Promise<number> {
  servers.push(server);
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

/** An https front of the emulator (TLS terminated here, requests relayed as they came). */
async function httpsFront(key: string, cert: string): Promise<{ port: number; seen: string[] }> {
  const { readFileSync } = await import("fs");
  const seen: string[] = [];
  const target = new URL(url);
  const server: Server = createHttpsServer(
    { key: readFileSync(key), cert: readFileSync(cert) },
    (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const up = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    },
  );
  return { port: await listen(server), seen };
}

function createEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(url),
    [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
    [RuntimeEnv.NAME]: "transport-copy",
    [RuntimeEnv.MARKER]: markerFor(`transport-${Math.random()}`),
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
    [RuntimeEnv.RESULT_FILE]: "result.json",
    ...extra,
  };
}

/** Runs the runtime with debug logging until its first request fails to resolve `origin` directly, then stops it. */
async function expectDirect(env: NodeJS.ProcessEnv, origin: string): Promise<void> {
  const running = startRuntime(bundle, "create", { ...env, IMS_COPY_DEBUG: "1" }, dir);
  try {
    const line = await running.waitForStderr(
      new RegExp(
        `<- GET ${origin.replace(/[.]/g, "\\.")}/v2/cloudimages failed after \\d+ ms: (ENOTFOUND|EAI_AGAIN)`,
      ),
    );
    expect(line).toContain(origin);
  } finally {
    running.child.kill("SIGKILL");
    await running.done;
  }
}

beforeAll(async () => {
  dir = tempDir("ims-transport-");
  bundle = buildBundle(dir);
  emulator = new ImsEmulator({ jobSeconds: 1 });
  url = await emulator.start();
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  await emulator.stop();
  removeDir(dir);
});

beforeEach(() => emulator.reset());

describe("TLS verification", () => {
  test("an https endpoint whose certificate is not trusted is refused before any request, with a clear message", async () => {
    const { key, cert } = makeCertificates("ims.example.test");
    const front = await httpsFront(key, cert);
    const endpoint = `https://127.0.0.1:${front.port}`;

    const r = await runRuntime(
      bundle,
      "create",
      createEnv({ HW_IMS_ENDPOINT: endpoint, HW_IAM_ENDPOINT: endpoint }),
      dir,
    );

    expect(r.code).not.toBe(ExitCode.OK);
    expect(r.stderr).toBe(
      `ims-image-copy create failed: IMS list images failed: the TLS certificate of ${endpoint} is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE). ` +
        "Check the endpoint; if a proxy or firewall re-signs TLS, trust its CA with NODE_EXTRA_CA_CERTS=/path/to/ca.pem (TLS verification stays on)\n",
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(front.seen).toEqual([]);
    expect(emulator.jobs()).toEqual([]);
  });

  test("NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment does not turn verification off", async () => {
    const { key, cert } = makeCertificates("ims.example.test");
    const front = await httpsFront(key, cert);
    const endpoint = `https://127.0.0.1:${front.port}`;

    const r = await runRuntime(
      bundle,
      "create",
      createEnv({ HW_IMS_ENDPOINT: endpoint, HW_IAM_ENDPOINT: endpoint, NODE_TLS_REJECT_UNAUTHORIZED: "0" }),
      dir,
    );

    expect(r.code).toBe(ExitCode.API);
    expect(r.stderr).toContain(
      "[ims-image-copy] warning: ignoring NODE_TLS_REJECT_UNAUTHORIZED=0: TLS verification stays on",
    );
    expect(r.stderr).toContain("is not trusted (UNABLE_TO_VERIFY_LEAF_SIGNATURE)");
    expect(front.seen).toEqual([]);
  });

  test("the same endpoint works once its CA is trusted (NODE_EXTRA_CA_CERTS): verification, not a broken transport, refused it", async () => {
    const { ca, key, cert } = makeCertificates("ims.example.test");
    const front = await httpsFront(key, cert);
    const endpoint = `https://127.0.0.1:${front.port}`;

    const r = await runRuntime(
      bundle,
      "create",
      createEnv({ HW_IMS_ENDPOINT: endpoint, HW_IAM_ENDPOINT: endpoint, NODE_EXTRA_CA_CERTS: ca }),
      dir,
    );

    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: ExitCode.OK, stderr: "" });
    expect(front.seen.some((s) => s.startsWith("POST /v1/cloudimages/"))).toBe(true);
    expect(emulator.jobs()).toHaveLength(1);
  });
});

describe("plain http", () => {
  test("an http:// endpoint on a non-loopback host is refused before any request, naming the override", async () => {
    const r = await runRuntime(
      bundle,
      "create",
      createEnv({
        HW_IMS_ENDPOINT: "http://ims.example.test:8080",
        HW_IAM_ENDPOINT: "http://ims.example.test:8080",
      }),
      dir,
    );

    expect(r.code).toBe(ExitCode.USAGE);
    expect(r.stderr).toContain("IMS_COPY_ALLOW_INSECURE_HTTP");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test("with IMS_COPY_ALLOW_INSECURE_HTTP=1 it is allowed, and HTTP_PROXY carries it (a forward proxy); NO_PROXY bypasses the proxy", async () => {
    const proxied: string[] = [];
    const target = new URL(url);
    const proxy = createHttpServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      const u = new URL(req.url ?? "");
      // The proxy knows where ims.example.test is; the runtime does not (no DNS for it).
      const up = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: u.pathname + u.search,
          method: req.method,
          headers: req.headers,
        },
        (r) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    });
    const proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
    const endpoint = "http://ims.example.test:8080";
    const base = {
      HW_IMS_ENDPOINT: endpoint,
      HW_IAM_ENDPOINT: endpoint,
      IMS_COPY_ALLOW_INSECURE_HTTP: "1",
      HTTP_PROXY: proxyUrl,
      http_proxy: proxyUrl,
    };

    const through = await runRuntime(bundle, "create", createEnv(base), dir);

    expect({ code: through.code, stderr: through.stderr }).toEqual({ code: ExitCode.OK, stderr: "" });
    expect(
      proxied.some((p) => p.startsWith(`POST ${endpoint}/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`)),
    ).toBe(true);

    const seenBefore = proxied.length;
    // Without the proxy the name does not resolve: the runtime goes direct and fails (it would
    // retry for a while; the first failure in its debug log is enough).
    await expectDirect(
      createEnv({ ...base, NO_PROXY: "ims.example.test", no_proxy: "ims.example.test" }),
      "http://ims.example.test:8080",
    );
    expect(proxied.length).toBe(seenBefore);
  });
});

describe("HTTPS_PROXY", () => {
  test("an https endpoint is reached through the proxy with CONNECT, TLS verified end to end; NO_PROXY bypasses it", async () => {
    const { ca, key, cert } = makeCertificates("ims.example.test");
    const front = await httpsFront(key, cert);
    const connects: string[] = [];
    const proxy = createHttpServer();
    proxy.on("connect", (req: IncomingMessage, client: Socket, head: Buffer) => {
      connects.push(req.url ?? "");
      // Whatever host was asked for, tunnel to the https front (the proxy resolves the name).
      const upstream = connect(front.port, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    const proxyUrl = `http://127.0.0.1:${await listen(proxy)}`;
    const endpoint = "https://ims.example.test";
    const base = {
      HW_IMS_ENDPOINT: endpoint,
      HW_IAM_ENDPOINT: endpoint,
      HTTPS_PROXY: proxyUrl,
      https_proxy: proxyUrl,
      NODE_EXTRA_CA_CERTS: ca,
    };

    const through = await runRuntime(bundle, "create", createEnv(base), dir);

    expect({ code: through.code, stderr: through.stderr }).toEqual({ code: ExitCode.OK, stderr: "" });
    expect(connects.length).toBeGreaterThan(0);
    expect(new Set(connects)).toEqual(new Set(["ims.example.test:443"]));
    expect(front.seen.some((s) => s.startsWith("POST /v1/cloudimages/"))).toBe(true);

    const before = connects.length;
    await expectDirect(
      createEnv({ ...base, NO_PROXY: "ims.example.test", no_proxy: "ims.example.test" }),
      "https://ims.example.test",
    );
    expect(connects.length).toBe(before);
  });
});
