/**
 * What each capability checks after `terraform apply` and after `terraform destroy` of its fragment
 * (test/terraform/<capability>.tf). test/terraform.test.ts runs every fragment as one project: one
 * init, one apply, one plan (which must show no drift), one destroy, so the suite pays for
 * Terraform's start-up once.
 */
import type { SSMClient } from '@aws-sdk/client-ssm';

export interface TerraformCheckContext {
  ssm: SSMClient;
  endpoint: string;
  outputs: Record<string, unknown>;
}

export interface TerraformChecks {
  name: string;
  afterApply(ctx: TerraformCheckContext): Promise<void>;
  afterDestroy?(ctx: TerraformCheckContext): Promise<void>;
}
