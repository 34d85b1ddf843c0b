/**
 * `TerraformData` (lib/cdktf.ts): the light terraform_data resource of the construct. Its direct
 * JSON must be what cdktf's generic `TerraformResource.toTerraform` writes (but for the "//"
 * comment), and anything it does not handle directly must take cdktf's path.
 */
import { TerraformStack, Testing } from "cdktf";
import { TerraformData, type TerraformDataConfig } from "../../lib/cdktf";
import { synthesize } from "./helpers";

const CONFIG: TerraformDataConfig = {
  input: { image_id: "${terraform_data.other.output}", delete: '{"removal_policy":"destroy"}' },
  triggersReplace: "${terraform_data.other.id}",
  lifecycle: {
    ignoreChanges: ["input"],
    postcondition: [{ condition: '${self.output != ""}', errorMessage: "it failed" }],
  },
  provisioners: [
    { type: "local-exec", command: 'node "x.js" create', environment: { IMS_COPY_SPEC: "{}" } },
    {
      type: "local-exec",
      command: 'node "x.js" delete',
      environment: { IMS_COPY_SPEC: "${self.output.delete}" },
      when: "destroy",
    },
  ],
};

function stack(): TerraformStack {
  return new TerraformStack(Testing.app(), "stack");
}

/** The resource's synthesized body (`Testing.synth` leaves out the "//" comments). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function body(s: TerraformStack, id: string): any {
  return synthesize(s).resource.terraform_data[id];
}

/** The "//" comment of a resource, as the stack writes it to cdk.tf.json. */
function comment(s: TerraformStack, id: string): unknown {
  return (s.toTerraform() as { resource: Record<string, Record<string, Record<string, unknown>>> }).resource
    .terraform_data[id]["//"];
}

describe("TerraformData", () => {
  test("writes the same JSON as cdktf's generic resource synthesis", () => {
    const direct = stack();
    new TerraformData(direct, "data", CONFIG);
    // An override (here one that changes nothing) sends a resource down cdktf's generic path.
    const generic = stack();
    new TerraformData(generic, "data", CONFIG).addOverride("triggers_replace", CONFIG.triggersReplace);
    expect(body(direct, "data")).toEqual(body(generic, "data"));
    expect(body(direct, "data")).toEqual({
      input: CONFIG.input,
      triggers_replace: CONFIG.triggersReplace,
      lifecycle: {
        ignore_changes: ["input"],
        postcondition: [{ condition: '${self.output != ""}', error_message: "it failed" }],
      },
      provisioner: [
        { "local-exec": { command: 'node "x.js" create', environment: { IMS_COPY_SPEC: "{}" } } },
        {
          "local-exec": {
            command: 'node "x.js" delete',
            environment: { IMS_COPY_SPEC: "${self.output.delete}" },
            when: "destroy",
          },
        },
      ],
    });
  });

  test('the "//" comment is the construct path on both paths (one JSON node instead of cdktf\'s metadata object)', () => {
    const s = stack();
    new TerraformData(s, "direct", CONFIG);
    new TerraformData(s, "generic", CONFIG).addOverride("input", "x");
    expect(comment(s, "direct")).toBe("stack/direct");
    expect(comment(s, "generic")).toBe("stack/generic");
  });

  test("escape hatches keep working: overrides, depends_on, count and importFrom take cdktf's path", () => {
    const s = stack();
    const first = new TerraformData(s, "first", { input: "a" });
    const second = new TerraformData(s, "second", { input: "b" });
    second.addOverride("lifecycle.prevent_destroy", true);
    second.dependsOn = [`terraform_data.${first.friendlyUniqueId}`];
    const third = new TerraformData(s, "third", { input: "c" });
    third.count = 2;
    const fourth = new TerraformData(s, "fourth", { input: "d" });
    fourth.importFrom("2f8d2c1e-0000-4000-8000-000000000000");
    const synthesized = synthesize(s);
    expect(synthesized.import).toEqual([
      { id: "2f8d2c1e-0000-4000-8000-000000000000", to: "terraform_data.fourth" },
    ]);
    const json = synthesized.resource.terraform_data;
    expect(json.fourth).toMatchObject({ input: "d" });
    expect(json.second).toMatchObject({
      input: "b",
      lifecycle: { prevent_destroy: true },
      depends_on: ["terraform_data.first"],
    });
    expect(json.third).toMatchObject({ input: "c", count: 2 });
  });

  test("attribute tokens are references to terraform_data", () => {
    const s = stack();
    const data = new TerraformData(s, "data", { input: { image_id: "x" } });
    new TerraformData(s, "user", {
      input: { id: data.id, image: data.getStringAttribute("input.image_id") },
    });
    expect(synthesize(s).resource.terraform_data.user.input).toEqual({
      id: "${terraform_data.data.id}",
      image: "${terraform_data.data.input.image_id}",
    });
  });
});
