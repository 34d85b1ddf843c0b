/**
 * The escape hatches of the four terraform_data resources of an ImsImageCopy behave as on any
 * cdktf resource: overrideLogicalId (every reference follows), addOverride, dependsOn, lifecycle,
 * moveTo / moveToId / moveFromId and importFrom. Synthesized JSON here; the same under real
 * Terraform in escape-hatches.terraform.test.ts.
 */
import { DataResource, TerraformStack } from "cdktf";
import { ImsImageCopy } from "cdktf-ims-image-copy";
import { logicalId, synthesize, testStack } from "./helpers";

const SOURCE = "6f0a2b34-1c5d-4e7f-8a9b-0c1d2e3f4a5b";

const RESOURCES = ["copyResource", "resultResource", "imageResource", "attributesResource"] as const;
type ResourceName = (typeof RESOURCES)[number];
/** Synthesized Terraform JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function copyIn(stack: TerraformStack, id = "c"): ImsImageCopy {
  return new ImsImageCopy(stack, id, { sourceImageId: SOURCE, name: "n", tags: { team: "t" } });
}

/** The stack's synthesized JSON and the logical IDs of a copy's four resources. */
function synthWithIds(
  stack: TerraformStack,
  copy: ImsImageCopy,
): { json: Json; ids: Record<ResourceName, string> } {
  const ids = Object.fromEntries(RESOURCES.map((name) => [name, copy[name].friendlyUniqueId])) as Record<
    ResourceName,
    string
  >;
  return { json: synthesize(stack), ids };
}

/** The body of every terraform_data in the JSON, by logical ID. */
function bodies(json: Json): Record<string, Json> {
  return json.resource?.terraform_data ?? {};
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

/** A copy's synthesized JSON without any escape hatch, and its logical IDs, for comparison. */
function plain(): { json: Json; ids: Record<ResourceName, string> } {
  const stack = testStack();
  return synthWithIds(stack, copyIn(stack));
}

describe.each(RESOURCES)("ImsImageCopy.%s", (name) => {
  test("overrideLogicalId renames the resource, and every reference to it in the stack follows", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].overrideLogicalId("renamed");
    const after = synthWithIds(stack, copy);

    const oldId = before.ids[name];
    expect(Object.keys(bodies(after.json))).toContain("renamed");
    expect(Object.keys(bodies(after.json))).not.toContain(oldId);
    const beforeText = JSON.stringify(before.json);
    const afterText = JSON.stringify(after.json);
    expect(afterText).not.toContain(oldId);
    expect(occurrences(afterText, "terraform_data.renamed")).toBe(
      occurrences(beforeText, `terraform_data.${oldId}`),
    );
    // Nothing else changes: the JSON is the old one with the ID replaced.
    expect(after.json).toEqual(JSON.parse(beforeText.split(oldId).join("renamed")));
  });

  test("addOverride adds to the synthesized body and leaves the rest as it was", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].addOverride("lifecycle.create_before_destroy", true);
    copy[name].addOverride("input_extra", "x");
    const body = bodies(synthWithIds(stack, copy).json)[before.ids[name]];
    const original = bodies(before.json)[before.ids[name]];
    expect(body).toEqual({
      ...original,
      input_extra: "x",
      lifecycle: { ...original.lifecycle, create_before_destroy: true },
    });
  });

  test("dependsOn is written as depends_on", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    const other = new DataResource(stack, "other");
    copy[name].dependsOn = [other.fqn];
    const body = bodies(synthWithIds(stack, copy).json)[before.ids[name]];
    expect(body).toEqual({
      ...bodies(before.json)[before.ids[name]],
      depends_on: ["${terraform_data.other}"],
    });
  });

  test("lifecycle set by the user is written with what the construct set", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].lifecycle = { ...copy[name].lifecycle, preventDestroy: true };
    const body = bodies(synthWithIds(stack, copy).json)[before.ids[name]];
    const original = bodies(before.json)[before.ids[name]];
    expect(body).toEqual({ ...original, lifecycle: { ...original.lifecycle, prevent_destroy: true } });
  });

  test("moveTo a move target on another copy's resource writes a moved block and leaves the old resource out", () => {
    const stack = testStack();
    const from = copyIn(stack, "from");
    const to = copyIn(stack, "to");
    to[name].addMoveTarget("target");
    from[name].moveTo("target");
    const json = synthesize(stack);
    const fromId = logicalId(from[name]);
    expect(bodies(json)).not.toHaveProperty(fromId);
    expect(bodies(json)).toHaveProperty(logicalId(to[name]));
    expect(json.moved).toEqual([
      { from: `terraform_data.${fromId}`, to: `terraform_data.${logicalId(to[name])}` },
    ]);
  });

  test("moveToId and moveFromId write moved blocks; a moved-from resource keeps its body", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].moveFromId("terraform_data.legacy");
    const json = synthesize(stack);
    const id = before.ids[name];
    expect(json.moved).toEqual([{ from: "terraform_data.legacy", to: `terraform_data.${id}` }]);
    expect(bodies(json)[id]).toEqual(bodies(before.json)[id]);

    const other = testStack();
    const moved = copyIn(other);
    moved[name].moveToId("terraform_data.elsewhere");
    const movedJson = synthesize(other);
    expect(movedJson.moved).toEqual([{ from: `terraform_data.${id}`, to: "terraform_data.elsewhere" }]);
    expect(bodies(movedJson)).not.toHaveProperty(id);
  });

  test("importFrom writes an import block and keeps the body", () => {
    const before = plain();
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].importFrom("2f8d2c1e-0000-4000-8000-000000000000");
    const json = synthesize(stack);
    const id = before.ids[name];
    expect(json.import).toEqual([{ id: "2f8d2c1e-0000-4000-8000-000000000000", to: `terraform_data.${id}` }]);
    expect(bodies(json)[id]).toEqual(bodies(before.json)[id]);
  });

  test("overrideLogicalId after the logical ID was used (by a move) is refused, not ignored", () => {
    const stack = testStack();
    const copy = copyIn(stack);
    copy[name].moveFromId("terraform_data.legacy");
    const id = logicalId(copy[name]);
    expect(() => copy[name].overrideLogicalId("late")).toThrow(
      `terraform_data "stack/c/${copy[name].node.id}": overrideLogicalId("late") comes after its logical ID "${id}" was used ` +
        "(by a reference such as ImsImageCopy.imageId or fqn, or by moveToId/moveFromId), so the new ID would not reach it. " +
        "Call it right after creating the ImsImageCopy, before reading imageId or moving the resource.",
    );
    expect(() => copy[name].resetOverrideLogicalId()).toThrow("resetOverrideLogicalId() comes after");
  });
});

describe("logical IDs and references between copies", () => {
  test("reading imageId fixes the image resource's logical ID only; the other three can still be renamed", () => {
    const stack = testStack();
    const base = copyIn(stack, "base");
    const derived = new ImsImageCopy(stack, "derived", { sourceImageId: base.imageId, name: "d" });
    expect(() => base.imageResource.overrideLogicalId("image")).toThrow(/comes after its logical ID/);
    base.copyResource.overrideLogicalId("copy");
    base.resultResource.overrideLogicalId("result");
    base.attributesResource.overrideLogicalId("attributes");
    const json = synthesize(stack);
    const imageId = logicalId(base.imageResource);
    expect(Object.keys(bodies(json)).sort()).toEqual(
      ["attributes", "copy", "result", imageId, ...RESOURCES.map((n) => logicalId(derived[n]))].sort(),
    );
    // The derived copy's source is the base image's ID, by reference.
    expect(JSON.stringify(bodies(json)[logicalId(derived.copyResource)])).toContain(
      `terraform_data.${imageId}.input.image_id`,
    );
  });

  test("the recovery hint of the result check names the copy resource by its overridden address", () => {
    const stack = testStack();
    const copy = copyIn(stack);
    copy.copyResource.overrideLogicalId("my_copy");
    const result = bodies(synthesize(stack))[logicalId(copy.resultResource)];
    expect(result.lifecycle.postcondition[0].error_message).toContain(
      'Run "terraform apply -replace=terraform_data.my_copy"',
    );
  });
});
