/**
 * The parameters capability area (Parameter Store): its operations, the policy task kind, and the
 * Parameter taggable type. Public parameters (/aws/service/...) load lazily on first use, so nothing
 * happens at start-up.
 */
import { taggableResources } from '../../sim/tags/registry.js';
import type { Area } from '../../core/operation.js';
import putParameter from './putParameter.js';
import getParameter from './getParameter.js';
import getParameters from './getParameters.js';
import getParametersByPath from './getParametersByPath.js';
import deleteParameter from './deleteParameter.js';
import deleteParameters from './deleteParameters.js';
import describeParameters from './describeParameters.js';
import getParameterHistory from './getParameterHistory.js';
import labelParameterVersion from './labelParameterVersion.js';
import unlabelParameterVersion from './unlabelParameterVersion.js';
import { POLICY_TASK } from '../../sim/parameters/policies.js';
import { runPolicyTask } from '../../sim/parameters/tasks.js';
import { parameterTaggable } from './taggable.js';

export const parametersArea: Area = {
  name: 'parameters',
  operations: [
    putParameter,
    getParameter,
    getParameters,
    getParametersByPath,
    deleteParameter,
    deleteParameters,
    describeParameters,
    getParameterHistory,
    labelParameterVersion,
    unlabelParameterVersion,
  ],
  tasks: { [POLICY_TASK]: runPolicyTask },
  provides: [taggableResources.provide(parameterTaggable)],
};
