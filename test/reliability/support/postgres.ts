/**
 * A PostgreSQL server for the remote-state tests: `IMS_TEST_PG_CONN` when set (CI's `.ci/run`
 * starts one with scripts/pg-start.sh), else a throwaway cluster that this process starts with
 * the same script when Debian's server binaries are installed, else none (the tests skip loudly).
 */
import { spawnSync } from "child_process";
import { existsSync, readdirSync } from "fs";
import { createServer, type AddressInfo } from "net";
import { join } from "path";
import { REPO_ROOT, tempDir } from "../../handler/support/runtime";

export const PG_CONN_ENV = "IMS_TEST_PG_CONN";

export interface Postgres {
  /** `postgres://...` connection string (no password: the cluster trusts loopback). */
  readonly connStr: string;
  stop(): void;
}

/** True when Debian's PostgreSQL server binaries are installed. */
export function postgresInstalled(): boolean {
  const root = "/usr/lib/postgresql";
  return existsSync(root) && readdirSync(root).some((v) => existsSync(join(root, v, "bin", "initdb")));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The server to use, or undefined when there is none (the caller skips). */
export async function startPostgres(): Promise<Postgres | undefined> {
  const given = process.env[PG_CONN_ENV];
  if (given !== undefined && given !== "") return { connStr: given, stop: () => undefined };
  if (!postgresInstalled()) return undefined;
  const dir = tempDir("ims-pg-");
  const r = spawnSync("bash", [join(REPO_ROOT, "scripts", "pg-start.sh"), dir, String(await freePort())], {
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`scripts/pg-start.sh failed (${r.status}): ${r.stderr}${r.stdout}`);
  return {
    connStr: r.stdout.trim(),
    stop: () => {
      spawnSync("bash", [join(REPO_ROOT, "scripts", "pg-stop.sh"), dir], { encoding: "utf8" });
    },
  };
}
