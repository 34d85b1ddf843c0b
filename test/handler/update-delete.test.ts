/**
 * The `update` and `delete` steps run as Terraform runs them, against the emulator.
 */
import { type ImsEmulator, SeedImage } from "../../lib/emulator";
import { MARKER_TAG_KEY, RuntimeEnv } from "../../lib/shared/constants";
import { emulatorEnv, markerFor, markerTagsFor, runRuntime, TEST_RESOURCE_ID } from "./support/runtime";
import { useRuntimeFixture } from "./support/fixture";

const MARKER = markerFor("stack/copy");

const fx = useRuntimeFixture({ emulator: { jobSeconds: 1, deleteSeconds: 1 } });

/** GIVEN a copy made by the create step (with tags team=web and stale=yes). */
async function createCopy(): Promise<string> {
  const r = await runRuntime(
    fx.bundle,
    "create",
    {
      ...emulatorEnv(fx.url),
      [RuntimeEnv.SOURCE_IMAGE_ID]: SeedImage.ACTIVE_PRIVATE,
      [RuntimeEnv.NAME]: "before",
      [RuntimeEnv.DESCRIPTION]: "old description",
      [RuntimeEnv.TAGS]: JSON.stringify({ team: "web", stale: "yes" }),
      [RuntimeEnv.MARKER]: MARKER,
      [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
      [RuntimeEnv.RESULT_FILE]: "result.json",
    },
    fx.cwd,
  );
  expect(r.code).toBe(0);
  const id = /new image ID: ([0-9a-f-]{36})/.exec(r.stdout)?.[1];
  if (!id) throw new Error(`no image ID in ${r.stdout}`);
  return id;
}

function image(id: string): ReturnType<ImsEmulator["images"]>[number] | undefined {
  return fx.emulator.images().find((i) => i.id === id);
}

function deleteEnv(imageId: string, policy = "destroy"): NodeJS.ProcessEnv {
  return {
    ...emulatorEnv(fx.url),
    [RuntimeEnv.IMAGE_ID]: imageId,
    [RuntimeEnv.REMOVAL_POLICY]: policy,
    [RuntimeEnv.DELETE_TIMEOUT_MINUTES]: "1",
    [RuntimeEnv.MARKER]: MARKER,
    [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
    [RuntimeEnv.REGION]: "",
    [RuntimeEnv.PROJECT_ID]: "",
    [RuntimeEnv.ENDPOINT]: "",
  };
}

describe("update step", () => {
  test("it renames the image in place and makes its tags exactly the user tags plus the marker", async () => {
    const id = await createCopy();
    const jobsBefore = fx.emulator.jobs().length;

    const r = await runRuntime(
      fx.bundle,
      "update",
      {
        ...emulatorEnv(fx.url),
        [RuntimeEnv.IMAGE_ID]: id,
        [RuntimeEnv.NAME]: "after 新的",
        [RuntimeEnv.DESCRIPTION]: "new description",
        [RuntimeEnv.TAGS]: JSON.stringify({ team: "platform", owner: "ops" }),
        [RuntimeEnv.MARKER]: MARKER,
        [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
      },
      fx.cwd,
    );

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `image ${id}: renamed "before" to "after 新的"; updated the description; removed tags stale; set tags owner, team`,
    );
    expect(image(id)?.info).toMatchObject({
      name: "after 新的",
      __description: "new description",
      status: "active",
    });
    expect([...(image(id)?.tags ?? [])].sort((a, b) => a.key.localeCompare(b.key))).toEqual([
      markerTagsFor(MARKER, fx.cwd).claimed,
      { key: "owner", value: "ops" },
      { key: "team", value: "platform" },
    ]);
    expect(fx.emulator.jobs()).toHaveLength(jobsBefore);
  });

  test("an update with nothing to change says so and changes nothing", async () => {
    const id = await createCopy();
    const before = fx.emulator.requests().length;

    const r = await runRuntime(
      fx.bundle,
      "update",
      {
        ...emulatorEnv(fx.url),
        [RuntimeEnv.IMAGE_ID]: id,
        [RuntimeEnv.NAME]: "before",
        [RuntimeEnv.DESCRIPTION]: "old description",
        [RuntimeEnv.TAGS]: JSON.stringify({ stale: "yes", team: "web" }),
        [RuntimeEnv.MARKER]: MARKER,
        [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
      },
      fx.cwd,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`[ims-image-copy] image ${id} is up to date\n`);
    const during = fx.emulator.requests().slice(before);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((q) => q.method !== "GET")).toEqual([]);
  });

  test("updating an image deleted out of band fails and says how to copy it again", async () => {
    const id = await createCopy();
    expect((await runRuntime(fx.bundle, "delete", deleteEnv(id), fx.cwd)).code).toBe(0);
    const r = await runRuntime(
      fx.bundle,
      "update",
      {
        ...emulatorEnv(fx.url),
        [RuntimeEnv.IMAGE_ID]: id,
        [RuntimeEnv.NAME]: "x",
        [RuntimeEnv.MARKER]: MARKER,
        [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
      },
      fx.cwd,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `ims-image-copy update failed: image ${id} no longer exists, so its name, description and tags cannot be updated.`,
    );
  });
});

describe("delete step", () => {
  test("it deletes the image and waits until it is gone; a second delete finds it already gone", async () => {
    const id = await createCopy();

    const r = await runRuntime(fx.bundle, "delete", deleteEnv(id), fx.cwd);

    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^\\[ims-image-copy\\] deleted image ${id} \\(\\d+s\\)\\n$`));
    expect(image(id)?.info.status ?? "gone").toMatch(/^(deleted|gone)$/);
    const again = await runRuntime(fx.bundle, "delete", deleteEnv(id), fx.cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`[ims-image-copy] image ${id} was already deleted\n`);
  });

  test("with removal policy retain it keeps the image and releases it: only its marker tag is removed", async () => {
    const id = await createCopy();
    const before = fx.emulator.requests().length;

    const r = await runRuntime(fx.bundle, "delete", deleteEnv(id, "retain"), fx.cwd);

    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `[ims-image-copy] removal policy is "retain": keeping image ${id}; it is no longer managed by Terraform (its ${MARKER_TAG_KEY} tag was removed)\n`,
    );
    expect(
      fx.emulator
        .requests()
        .slice(before)
        .filter((q) => q.method !== "GET")
        .map((q) => `${q.method} ${q.path}`),
    ).toEqual([`POST /v2/${fx.emulator.projectId}/images/${id}/tags/action`]);
    expect(image(id)?.info.status).toBe("active");
    expect(
      image(id)
        ?.tags.map((t) => t.key)
        .sort(),
    ).toEqual(["stale", "team"]);
  });

  test("an image another deployment claims is neither deleted nor updated: this state lets go of it and says why", async () => {
    const id = await createCopy();
    const other = markerTagsFor(
      markerFor("another/deployment"),
      fx.cwd,
      "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
    );
    fx.emulator.setImage(id, { tags: [other.claimed, { key: "team", value: "web" }] });

    const update = await runRuntime(
      fx.bundle,
      "update",
      {
        ...emulatorEnv(fx.url),
        [RuntimeEnv.IMAGE_ID]: id,
        [RuntimeEnv.NAME]: "mine now",
        [RuntimeEnv.MARKER]: MARKER,
        [RuntimeEnv.RESOURCE_ID]: TEST_RESOURCE_ID,
        [RuntimeEnv.RESOURCE_ADDRESS]: "terraform_data.copy_copy_0BF7D765",
      },
      fx.cwd,
    );
    expect(update.code).toBe(2);
    expect(update.stderr).toContain(
      `ims-image-copy update failed: image ${id} is not updated: another deployment claims it (marker ${other.claimed.value}). Another Terraform state holds it too`,
    );
    expect(update.stderr).toContain('Run "terraform apply -replace=terraform_data.copy_copy_0BF7D765"');
    expect(image(id)?.info.name).toBe("before");

    const destroy = await runRuntime(fx.bundle, "delete", deleteEnv(id), fx.cwd);
    expect(destroy.code).toBe(0);
    expect(destroy.stderr).toContain(
      `[ims-image-copy] warning: not deleting image ${id}: another deployment claims it (marker ${other.claimed.value})`,
    );
    expect(image(id)?.info.status).toBe("active");
    expect(image(id)?.tags).toContainEqual(other.claimed);
  });

  test("an empty image ID means nothing was created: nothing to do, no API call, even without credentials", async () => {
    const r = await runRuntime(
      fx.bundle,
      "delete",
      { PATH: process.env.PATH, [RuntimeEnv.IMAGE_ID]: "" },
      fx.cwd,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      "[ims-image-copy] no image ID was recorded (the copy never completed): nothing to delete\n",
    );
    expect(fx.emulator.requests()).toHaveLength(0);
  });

  test("a protected image is not deleted and the message says what to do", async () => {
    const id = await createCopy();
    fx.emulator.setImage(id, { protected: true });

    const r = await runRuntime(fx.bundle, "delete", deleteEnv(id), fx.cwd);

    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /^ims-image-copy delete failed: IMS delete image failed: HTTP 400 IMG\.0028: .*Image [0-9a-f-]{36} cannot be deleted \(The image is protected \(for example published to KooGallery, the Marketplace\): take it off the shelf or remove its protection first\)\. Run "terraform destroy" again once it can be deleted, or set removalPolicy to "retain" to keep it\n$/,
    );
    expect(image(id)?.info.status).toBe("active");
  });
});
