/**
 * The EC2 side of the simulated fleet: instance state changes that take time (stop, start, reboot,
 * terminate) and the Amazon Machine Images made from instances. Automation drives them (the AWS-owned
 * runbooks AWS-StopEC2Instance, AWS-StartEC2Instance, AWS-RestartEC2Instance, AWS-CreateImage, and
 * aws:executeAwsApi with Service ec2), and so can any other capability that reboots a node (Patch
 * Manager's RebootIfNeeded).
 *
 * The node's agent follows the instance, which is what makes the fleet "real" to the engines:
 *
 *   stop       running -> stopping (the agent stops at once) -> stopped after STOP_MS
 *   start      stopped -> pending -> running after START_MS; the agent connects AGENT_BOOT_MS later
 *              (runs waiting for it are delivered then, through the fleet's agent-started change)
 *   reboot     stays running; the agent is offline for REBOOT_MS (a blip)
 *   terminate  -> shutting-down (agent stops) -> terminated after STOP_MS
 *
 * While an instance is stopping, stopped or terminated, its agent is off, so Run Command deliveries
 * to it wait and end DeliveryTimedOut, and its ping status is ConnectionLost (instance.ts): EC2 tells
 * Systems Manager that the instance stopped, so SSM does not wait for missed health pings.
 *
 * None of these durations is published by AWS (they vary with the instance): they are a model, kept
 * here. Transitions are scheduler tasks of kind fleet.ec2 (the fleet area registers them), keyed per
 * instance, so a later request replaces a pending one (a start during stopping takes effect when the
 * stop completes, as EC2 refuses to start a stopping instance: the caller checks states first).
 */
import type { Ctx } from '../../core/context.js';
import { toEpochSeconds } from '../../core/context.js';
import { defineSlice } from '../../state/store.js';
import { num, obj, oneOf, rec, str, tagList } from '../../state/schema.js';
import type { Ec2State, FleetInstance } from './instance.js';
import { getInstance } from './state.js';
import { updateNode } from './nodes.js';

export const STOP_MS = 30_000;
export const START_MS = 15_000;
export const AGENT_BOOT_MS = 10_000;
export const REBOOT_MS = 30_000;
/** From CreateImage to the image being available. */
export const IMAGE_MS = 60_000;

export const EC2_TASK = 'fleet.ec2';

/** EC2's numeric state codes (DescribeInstances State.Code). */
export const STATE_CODES: Readonly<Record<Ec2State, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export interface ImageRecord {
  ImageId: string;
  Name: string;
  Description?: string;
  /** The instance it was made from. */
  SourceInstanceId: string;
  State: 'pending' | 'available';
  /** Epoch seconds. */
  CreationDate: number;
  PlatformDetails: string;
  Architecture?: string;
  Tags: { Key: string; Value: string }[];
}

interface Ec2Slice {
  images: Record<string, ImageRecord>;
}

/** What a restored snapshot's images must look like (see state/schema.ts). */
const imageSchema = obj(
  { ImageId: str, Name: str, SourceInstanceId: str, State: oneOf('pending', 'available'), CreationDate: num, PlatformDetails: str, Tags: tagList },
  { Description: str, Architecture: str },
);

export const ec2Slice = defineSlice<Ec2Slice>('ec2', () => ({ images: {} }), obj({ images: rec(imageSchema) }));

export const imagesOf = (ctx: { scope: Ctx['scope'] }) => ec2Slice.of(ctx.scope).images;

export function getImage(ctx: { scope: Ctx['scope'] }, id: string): ImageRecord | undefined {
  const all = imagesOf(ctx);
  return Object.hasOwn(all, id) ? all[id] : undefined;
}

type Step = 'stopped' | 'running' | 'agent-up' | 'terminated' | 'image-available';

interface Ec2Task {
  i: string;
  step: Step;
}

function schedule(ctx: Ctx, id: string, at: number, step: Step): void {
  ctx.emu.scheduler.schedule({ at, kind: EC2_TASK, account: ctx.account, region: ctx.region, key: `ec2:${id}`, payload: { i: id, step } });
}

/** Stops the instance (running or pending); the agent goes offline at once. */
export function stopInstance(ctx: Ctx, inst: FleetInstance): void {
  if (inst.InstanceState !== 'running' && inst.InstanceState !== 'pending') return;
  updateNode(ctx, inst, { InstanceState: 'stopping', AgentRunning: false });
  schedule(ctx, inst.InstanceId, ctx.now + STOP_MS, 'stopped');
}

/** Starts a stopped instance: pending, then running, then its agent connects. */
export function startInstance(ctx: Ctx, inst: FleetInstance): void {
  if (inst.InstanceState !== 'stopped') return;
  updateNode(ctx, inst, { InstanceState: 'pending', AgentRunning: false });
  schedule(ctx, inst.InstanceId, ctx.now + START_MS, 'running');
}

/** Reboots a running instance: its agent is offline for REBOOT_MS. */
export function rebootInstance(ctx: Ctx, inst: FleetInstance): void {
  if (inst.InstanceState !== 'running') return;
  if (inst.AgentRunning) updateNode(ctx, inst, { AgentRunning: false });
  schedule(ctx, inst.InstanceId, ctx.now + REBOOT_MS, 'agent-up');
}

/** Terminates the instance: shutting-down, then terminated (it stays in the fleet, invisible). */
export function terminateInstance(ctx: Ctx, inst: FleetInstance): void {
  if (inst.InstanceState === 'terminated' || inst.InstanceState === 'shutting-down') return;
  updateNode(ctx, inst, { InstanceState: 'shutting-down', AgentRunning: false });
  schedule(ctx, inst.InstanceId, ctx.now + STOP_MS, 'terminated');
}

/**
 * Creates an image of the instance (pending, available after IMAGE_MS). Unless noReboot, EC2 shuts
 * the instance down and reboots it for a consistent image: a running instance blips.
 */
export function createImage(ctx: Ctx, inst: FleetInstance, spec: { name: string; description?: string; noReboot?: boolean }): ImageRecord {
  const image: ImageRecord = {
    ImageId: `ami-${ctx.emu.ids.hex(17)}`,
    Name: spec.name,
    ...(spec.description !== undefined && { Description: spec.description }),
    SourceInstanceId: inst.InstanceId,
    State: 'pending',
    CreationDate: toEpochSeconds(ctx.now),
    PlatformDetails: inst.PlatformType === 'Windows' ? 'Windows' : 'Linux/UNIX',
    ...(inst.Architecture !== undefined && { Architecture: inst.Architecture }),
    Tags: [],
  };
  imagesOf(ctx)[image.ImageId] = image;
  schedule(ctx, image.ImageId, ctx.now + IMAGE_MS, 'image-available');
  if (!spec.noReboot) rebootInstance(ctx, inst);
  return image;
}

export const ec2Tasks = {
  [EC2_TASK](task: { payload: Ec2Task }, ctx: Ctx) {
    const { i, step } = task.payload;
    if (step === 'image-available') {
      const image = getImage(ctx, i);
      if (image) image.State = 'available';
      return;
    }
    const inst = getInstance(ctx, i);
    if (!inst) return;
    switch (step) {
      case 'stopped':
        if (inst.InstanceState === 'stopping') updateNode(ctx, inst, { InstanceState: 'stopped', AgentRunning: false });
        break;
      case 'terminated':
        if (inst.InstanceState === 'shutting-down') updateNode(ctx, inst, { InstanceState: 'terminated', AgentRunning: false });
        break;
      case 'running':
        if (inst.InstanceState === 'pending') {
          updateNode(ctx, inst, { InstanceState: 'running', AgentRunning: false });
          schedule(ctx, i, ctx.now + AGENT_BOOT_MS, 'agent-up');
        }
        break;
      case 'agent-up':
        if (inst.InstanceState === 'running' && !inst.AgentRunning) updateNode(ctx, inst, { AgentRunning: true });
        break;
    }
  },
};
