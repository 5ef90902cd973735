/**
 * The Secrets Manager area: a minimal AWS Secrets Manager on the emulator's port (JSON 1.1,
 * X-Amz-Target: secretsmanager.<Operation>, validated from the model), enough for code that keeps
 * secrets beside its parameters and for Parameter Store's /aws/reference/secretsmanager/ references,
 * which reach it through the secretReferences port (provided here). Secrets also load from a fixture
 * (--secrets FILE) and the /_emulator/secrets control route. The domain is emulator/sim/secrets/.
 * Operations not listed here answer NotImplementedException.
 */
import type { Area } from '../../core/operation.js';
import type { Runtime } from '../../core/runtime.js';
import { readFixtureFile } from '../../sim/fleet/fixtures.js';
import { loadSecrets } from '../../sim/secrets/fixtures.js';
import { secretsControlRoutes } from './control.js';
import createSecret from './createSecret.js';
import getSecretValue from './getSecretValue.js';
import putSecretValue from './putSecretValue.js';
import updateSecret from './updateSecret.js';
import describeSecret from './describeSecret.js';
import listSecrets from './listSecrets.js';
import deleteSecret from './deleteSecret.js';
import restoreSecret from './restoreSecret.js';
import tagResource from './tagResource.js';
import untagResource from './untagResource.js';
import { PURGE_TASK, runPurgeTask } from '../../sim/secrets/model.js';
import { secretReferences } from '../../sim/parameters/secret-refs.js';
import { secretReader } from './references.js';

function init(emu: Runtime): void {
  if (emu.secrets === null) return;
  // Parsed once; reloaded into the cleared state after each reset, as the fleet fixture is.
  const source = typeof emu.secrets === 'string' ? emu.secrets : 'secrets option';
  const fixture = typeof emu.secrets === 'string' ? readFixtureFile(emu.secrets) : emu.secrets;
  const load = (only?: { account?: string; region?: string }) => loadSecrets(emu, fixture, { only, source });
  load();
  emu.onReset((scope, reason) => {
    if (reason === 'reset') load(scope);
  });
}

export const secretsManagerArea: Area = {
  name: 'secretsmanager',
  operations: [createSecret, getSecretValue, putSecretValue, updateSecret, describeSecret, listSecrets, deleteSecret, restoreSecret, tagResource, untagResource],
  tasks: { [PURGE_TASK]: runPurgeTask },
  provides: [secretReferences.provide(secretReader)],
  init,
  controlRoutes: secretsControlRoutes,
};
