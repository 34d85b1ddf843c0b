import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { SeedImage } from "../../lib/emulator/defaults";
import { ImsEmulator, loadSeedFile } from "../../lib/emulator";
import { admin, call, startEmulator } from "./helpers";

describe("the test-only /_emulator routes and the ImsEmulator API", () => {
  let emulator: ImsEmulator;
  let url: string;

  beforeEach(async () => {
    ({ emulator, url } = await startEmulator({ jobSeconds: 10 }));
  });
  afterEach(async () => {
    await emulator.stop();
  });

  test("GET /_emulator/images lists the seed with tags and flags, without authentication", async () => {
    const res = await admin(url, "GET", "/_emulator/images");
    expect(res.status).toBe(200);
    expect(res.body.images.map((i: { id: string }) => i.id).sort()).toEqual(Object.values(SeedImage).sort());
    expect(res.body.images[0]).toMatchObject({ info: expect.any(Object), tags: [] });
    const shared = res.body.images.find((i: { id: string }) => i.id === SeedImage.SHARED_ACCEPTED);
    expect(shared).toMatchObject({ memberStatus: "accepted", info: { __imagetype: "shared" } });
  });

  test("GET /_emulator/jobs shows jobs with status and progress", async () => {
    await call(url, "POST", `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`, { name: "j" });
    const jobs = (await admin(url, "GET", "/_emulator/jobs")).body.jobs;
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      jobType: "imsCopyImageInRegionJob",
      sourceImageId: SeedImage.ACTIVE_PRIVATE,
      status: "RUNNING",
      processPercent: 0,
    });
  });

  test("PATCH /_emulator/images/{id} sets status, protected, in use and attributes, and refuses bad values", async () => {
    const res = await admin(url, "PATCH", `/_emulator/images/${SeedImage.SAVING_PRIVATE}`, {
      status: "active",
      protected: true,
      attributes: { __os_version: "Ubuntu 22.04" },
    });
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ status: "active", protected: true, __os_version: "Ubuntu 22.04" });
    const bad = await admin(url, "PATCH", `/_emulator/images/${SeedImage.SAVING_PRIVATE}`, {
      status: "gone",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'Image patch field "status" = "gone" is invalid: it must be one of queued, saving, active, killed, deleted.',
    );
    const unknown = await admin(url, "PATCH", "/_emulator/images/nope", { inUse: true });
    expect(unknown.status).toBe(400);
  });

  test("POST /_emulator/config changes behaviour flags and refuses unknown or bad ones", async () => {
    const res = await admin(url, "POST", "/_emulator/config", { jobSeconds: 1, progressCurve: "stalling" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ jobSeconds: 1, progressCurve: "stalling" });
    expect((await admin(url, "GET", "/_emulator/config")).body.jobSeconds).toBe(1);
    const bad = await admin(url, "POST", "/_emulator/config", { progressCurve: "wavy" });
    expect(bad.body.error).toBe(
      'Emulator option "progressCurve" = "wavy" is invalid: it must be one of "linear", "front-loaded", "back-loaded", "stalling", "s-curve", "no-progress", "constant", "stuck-at-99", "rare-ticks", "under-reports", "steps", "restart", "up-and-down".',
    );
    const unknown = await admin(url, "POST", "/_emulator/config", { colour: "red" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatch(
      /^Emulator option "colour" = "red" is invalid: it is not a behaviour flag; known flags: jobSeconds, /,
    );
  });

  test("progressRounding is a behaviour flag: nearest by default, down from the constructor or POST /_emulator/config, and applies to running jobs", async () => {
    expect((await admin(url, "GET", "/_emulator/config")).body.progressRounding).toBe("nearest");
    const {
      emulator: other,
      url: otherUrl,
      clock,
    } = await startEmulator({ jobSeconds: 10, progressRounding: "down" });
    try {
      expect(other.behaviour().progressRounding).toBe("down");
      const { job_id: jobId } = (
        await call(otherUrl, "POST", `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`, { name: "rounded" })
      ).body;
      clock.advance(4.06);
      const percent = async (): Promise<number> =>
        (await call(otherUrl, "GET", `/v1/cloudimages/job/${jobId}`)).body.entities.process_percent;
      expect(await percent()).toBe(0.4);
      expect(
        (await admin(otherUrl, "POST", "/_emulator/config", { progressRounding: "nearest" })).body
          .progressRounding,
      ).toBe("nearest");
      expect(await percent()).toBe(0.41);
    } finally {
      await other.stop();
    }
    const bad = await admin(url, "POST", "/_emulator/config", { progressRounding: "up" });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe(
      'Emulator option "progressRounding" = "up" is invalid: it must be one of "nearest", "down".',
    );
  });

  test("POST /_emulator/reset restores the seed, drops jobs, faults and the log, and restores the flags", async () => {
    await call(url, "POST", `/v1/cloudimages/${SeedImage.ACTIVE_PRIVATE}/copy`, { name: "gone-after-reset" });
    emulator.addFault({ path: "x", status: 500 });
    emulator.configure({ jobSeconds: 99 });
    expect((await admin(url, "POST", "/_emulator/reset")).status).toBe(204);
    expect(emulator.images()).toHaveLength(Object.values(SeedImage).length);
    expect(emulator.jobs()).toEqual([]);
    expect(emulator.requests()).toEqual([]);
    expect((await admin(url, "GET", "/_emulator/faults")).body.faults).toEqual([]);
    expect(emulator.behaviour().jobSeconds).toBe(10);
  });

  test("an unknown test route answers 404 with a hint", async () => {
    const res = await admin(url, "GET", "/_emulator/nothing");
    expect(res.status).toBe(404);
    expect(res.body.error).toBe("No test route GET /_emulator/nothing; see lib/emulator/admin-routes.ts.");
  });

  test("url throws before start, and stop twice is harmless", async () => {
    const fresh = new ImsEmulator();
    expect(() => fresh.url).toThrow("The IMS emulator is not started: await emulator.start() first.");
    await fresh.start();
    await fresh.stop();
    await fresh.stop();
  });

  test("bad constructor options are refused naming the option", () => {
    expect(() => new ImsEmulator({ jobSeconds: -1 })).toThrow(
      'Emulator option "jobSeconds" = -1 is invalid: it must be a finite number >= 0.',
    );
    expect(() => new ImsEmulator({ port: 70000 })).toThrow(
      'Emulator option "port" = 70000 is invalid: it must be an integer 0..65535 (0 picks a free port).',
    );
  });

  test("a seed file replaces the images and keeps the default credentials", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ims-seed-"));
    const file = join(dir, "seed.json");
    writeFileSync(
      file,
      JSON.stringify({
        images: [
          {
            info: {
              id: "11111111-1111-4111-8111-111111111111",
              name: "only",
              status: "active",
              visibility: "private",
              __imagetype: "private",
              protected: false,
              owner: "0e5cbc8a6a754d6b9c7e42d6f0a1b2c3",
              created_at: "2026-01-01T00:00:00Z",
            },
          },
        ],
      }),
    );
    const seeded = new ImsEmulator({ seed: loadSeedFile(file) });
    const seededUrl = await seeded.start();
    try {
      const res = await call(seededUrl, "GET", "/v2/cloudimages");
      expect(res.body.images.map((i: { name: string }) => i.name)).toEqual(["only"]);
    } finally {
      await seeded.stop();
    }
    writeFileSync(file, JSON.stringify({ images: [{ info: { id: 1 } }] }));
    expect(() => loadSeedFile(file)).toThrow(
      `The seed file ${file}: images[0].info needs string "id", "name" and "status".`,
    );
    const info = { id: "x", name: "x", status: "active" };
    writeFileSync(file, JSON.stringify({ images: [{ info, inUse: true }] }));
    expect(() => loadSeedFile(file)).toThrow(
      `The seed file ${file}: images[0] has unknown field(s) inUse; an image is {info, tags?, memberStatus?}.`,
    );
    writeFileSync(file, JSON.stringify({ images: [{ info, memberStatus: "maybe" }] }));
    expect(() => loadSeedFile(file)).toThrow(
      `The seed file ${file}: images[0].memberStatus "maybe" must be accepted, pending or rejected.`,
    );
  });
});
