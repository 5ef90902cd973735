/**
 * Simulated nodes the shell's and the session plugins' tests run on: NodeFacts as a fleet node gives
 * them (sim/commands/runner.ts factsOf), with the Session Manager user where a test needs one.
 */
import type { NodeFacts } from '../sim/shell/index.js';

export const AL2023: NodeFacts = {
  InstanceId: 'i-0123456789abcdef0',
  PlatformType: 'Linux',
  PlatformName: 'Amazon Linux',
  PlatformVersion: '2023',
  IPAddress: '172.31.1.2',
  ComputerName: 'ip-172-31-1-2.ec2.internal',
  Region: 'us-east-1',
};

export const WINDOWS_2022: NodeFacts = {
  InstanceId: 'i-0fedcba9876543210',
  PlatformType: 'Windows',
  PlatformName: 'Microsoft Windows Server 2022 Datacenter',
  PlatformVersion: '10.0.20348',
  ComputerName: 'EC2AMAZ-ABC1234',
};

/** As Session Manager runs them: ssm-user. */
export const AL2023_SESSION: NodeFacts = { ...AL2023, User: 'ssm-user' };
export const WINDOWS_2022_SESSION: NodeFacts = { ...WINDOWS_2022, User: 'ec2amaz-abc1234\\ssm-user' };
