/**
 * npm run scenario -- FILE.yaml [FILE2.yaml ...]   (a folder runs every scenario in it)
 * The same as `ssm-emulator scenario ...` (emulator/scenario/cli.ts).
 */
// The pinned SDK warns that its later releases need Node 22; the scenarios run on Node 20 on purpose.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { scenarioCli } = await import('../emulator/scenario/cli.js');
process.exit(await scenarioCli(process.argv.slice(2)));
