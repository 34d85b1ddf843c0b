/**
 * The deployment identity and the marker states of lib/runtime/ownership.ts: what separates two
 * deployments, and that no credential of a backend reaches it (not even hashed).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import {
  claimOf,
  claimedTag,
  deploymentMarker,
  deploymentOf,
  heldBy,
  markerStateOf,
  pendingTag,
} from "../../lib/runtime/ownership";
import { MARKER_TAG_KEY } from "../../lib/shared/constants";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "ims-owner-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes what `terraform init` records of the backend. */
function initialized(type: string, config: Record<string, unknown>, dataDir = ".terraform"): void {
  mkdirSync(join(dir, dataDir), { recursive: true });
  writeFileSync(
    join(dir, dataDir, "terraform.tfstate"),
    JSON.stringify({ version: 3, backend: { type, config, hash: 1 } }),
  );
}

describe("deploymentOf", () => {
  test("without terraform init's record it is the default local state file of the directory", () => {
    expect(deploymentOf(dir, {}, "default")).toEqual({
      backend: `local path=${join(dir, "terraform.tfstate")}`,
      workspace: "default",
    });
  });

  test("a local backend is its state file's absolute path, resolved against the directory", () => {
    initialized("local", { path: "state/x.tfstate", workspace_dir: null });
    expect(deploymentOf(dir, {}, "staging").backend).toBe(`local path=${join(dir, "state/x.tfstate")}`);
  });

  test("a pg backend is its host, port, database and schema: never the user or the password of its connection string", () => {
    initialized("pg", {
      conn_str: "postgres://admin:s3cr3t-pw@db.internal:6543/tfstate?sslmode=require&password=alsosecret",
      schema_name: "prod",
    });
    const { backend } = deploymentOf(dir, {}, "default");
    expect(backend).toBe("pg conn.dbname=tfstate conn.host=db.internal conn.port=6543 schema_name=prod");
    for (const secret of ["admin", "s3cr3t-pw", "alsosecret", "sslmode"])
      expect(backend).not.toContain(secret);
  });

  test("a key=value connection string, or one from PG_CONN_STR, gives the same settings without its password", () => {
    initialized("pg", { conn_str: "host=db port=5432 dbname=tf user=u password='p w'", schema_name: "s" });
    expect(deploymentOf(dir, {}, "default").backend).toBe(
      "pg conn.dbname=tf conn.host=db conn.port=5432 schema_name=s",
    );
    initialized("pg", { schema_name: "s" });
    expect(deploymentOf(dir, { PG_CONN_STR: "postgresql://u:pw@h/d" }, "default").backend).toBe(
      "pg conn.dbname=d conn.host=h conn.port=5432 schema_name=s",
    );
  });

  test("other backends keep only the settings that locate a state: keys, tokens and URL credentials are dropped", () => {
    initialized("s3", {
      bucket: "tf",
      key: "app/terraform.tfstate",
      region: "eu-west-1",
      access_key: "AKIAXXXX",
      secret_key: "SECRETXXXX",
      token: "TOKENXXXX",
    });
    expect(deploymentOf(dir, {}, "default").backend).toBe(
      "s3 bucket=tf key=app/terraform.tfstate region=eu-west-1",
    );
    initialized("http", { address: "https://user:pass@state.example/x?token=t", password: "pass" });
    expect(deploymentOf(dir, {}, "default").backend).toBe("http address=https://state.example/x");
    initialized("remote", { organization: "acme", workspaces: { name: "app" }, token: "t" });
    expect(deploymentOf(dir, {}, "default").backend).toBe("remote organization=acme workspaces.name=app");
  });

  test("TF_DATA_DIR moves terraform init's record, as it does for terraform", () => {
    initialized("pg", { conn_str: "postgres://h/d", schema_name: "moved" }, "data");
    expect(deploymentOf(dir, { TF_DATA_DIR: "data" }, "default").backend).toContain("schema_name=moved");
  });
});

describe("markers", () => {
  const deployment = { backend: "pg conn.host=h", workspace: "default" };
  const marker = deploymentMarker("a".repeat(40), deployment);

  test("two workspaces, two backends or two declarations give two deployment markers", () => {
    expect(marker).toMatch(/^[0-9a-f]{16}$/);
    expect(deploymentMarker("a".repeat(40), { ...deployment, workspace: "staging" })).not.toBe(marker);
    expect(deploymentMarker("a".repeat(40), { ...deployment, backend: "pg conn.host=other" })).not.toBe(
      marker,
    );
    expect(deploymentMarker("b".repeat(40), deployment)).not.toBe(marker);
  });

  test("the tag of a copy under way and of a completed one are read back, as are older and foreign values", () => {
    expect(markerStateOf([pendingTag(marker)])).toEqual({ kind: "pending", marker });
    expect(markerStateOf([claimedTag(marker, "r-1")])).toEqual({
      kind: "claimed",
      marker,
      claim: claimOf("r-1"),
    });
    expect(claimedTag(marker, "r-1").value.length).toBeLessThanOrEqual(43);
    expect(markerStateOf([{ key: MARKER_TAG_KEY, value: "c".repeat(40) }])).toEqual({
      kind: "legacy",
      configMarker: "c".repeat(40),
    });
    expect(markerStateOf([{ key: MARKER_TAG_KEY, value: "hand-made" }])).toEqual({
      kind: "unknown",
      value: "hand-made",
    });
    expect(markerStateOf([{ key: "team", value: "web" }])).toEqual({ kind: "none" });
  });

  test("a resource holds an image claimed by itself or by its deployment, never one another deployment claims", () => {
    const other = deploymentMarker("a".repeat(40), { ...deployment, workspace: "other" });
    expect(heldBy(markerStateOf([claimedTag(marker, "r-1")]), marker, "r-1")).toEqual({ ours: true });
    // An orphaned earlier attempt of the same deployment claimed it last.
    expect(heldBy(markerStateOf([claimedTag(marker, "r-0")]), marker, "r-1")).toEqual({ ours: true });
    // The checkout moved (another deployment marker), the resource is the same.
    expect(heldBy(markerStateOf([claimedTag(other, "r-1")]), marker, "r-1")).toEqual({ ours: true });
    expect(heldBy(markerStateOf([claimedTag(other, "r-9")]), marker, "r-1")).toEqual({
      ours: false,
      why: `another deployment claims it (marker ${claimedTag(other, "r-9").value})`,
    });
    expect(heldBy(markerStateOf([pendingTag(other)]), marker, "r-1").ours).toBe(false);
    expect(heldBy(markerStateOf([]), marker, "r-1")).toEqual({ ours: true });
    expect(heldBy(markerStateOf([{ key: MARKER_TAG_KEY, value: "c".repeat(40) }]), marker, "r-1")).toEqual({
      ours: true,
    });
  });
});
