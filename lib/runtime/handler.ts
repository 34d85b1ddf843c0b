/**
 * Apply-time entry of the construct, bundled by esbuild into `bundle/ims-image-copy-runtime.js`
 * and run by Terraform's `local-exec` as `node "<runtime asset>" create|update|delete`, its input in IMS_COPY_SPEC.
 * Every input arrives in the environment (names in `RuntimeEnv`); nothing is interpolated into a
 * command line. Module load does no work: everything happens in `runHandler`.
 */
import { runHandler } from "./steps/main";

if (require.main === module) {
  void runHandler(process.argv.slice(2)).then((code) => process.exit(code));
}

export { runHandler };
