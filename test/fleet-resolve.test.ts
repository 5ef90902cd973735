import { expect, it } from 'vitest';
import { startEmulator } from '../emulator/index.js';

// Outside emulator/, as a user's test file is: a relative fleet is looked for beside the caller first.
it("startEmulator resolves a relative fleet against the calling file's folder, and shipped fleets by name", async () => {
  await expect(startEmulator({ fleet: 'missing-fleet.yaml' })).rejects.toThrow(/not found; tried .*\/test\/missing-fleet\.yaml, /);
  const emu = await startEmulator({ fleet: 'default' });
  expect(emu.fleet.list().length).toBe(7);
  await emu.stop();
});
