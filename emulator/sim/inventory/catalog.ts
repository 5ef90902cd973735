/**
 * GetInventorySchema: the account's inventory types, AWS:* (schema.ts) and custom, by TypeName.
 *
 * - TypeName names one type (exactly, case-sensitive); an unknown name is InvalidTypeNameException.
 * - Aggregator=true: only the types GetInventory aggregates on, each with its aggregatable
 *   attributes and display name (the user guide's "get-inventory-schema --aggregator" output).
 * - SubType=true: only sub-type schemas (AWS:ComplianceItem, AWS:ComplianceSummary); without it
 *   they are left out unless TypeName names one (unverified, see schema.ts).
 * - A custom type shows its current version and every attribute its items carried, as STRING (the
 *   guide's custom inventory walkthrough); a disabled type is still listed (the guide: "You can view
 *   a turned off inventory type by using get-inventory-schema").
 * Types sort by name (AWS:AWSComponent before AWS:Application, as the AWS CLI's example lists
 * them); pages of 50 to 200 (model), 200 by default (unverified).
 */
import { pageSorted } from '../../core/pagination.js';
import { InvalidNextToken, InvalidTypeNameException } from '../../generated/ssm/errors.js';
import type { GetInventorySchemaRequest, GetInventorySchemaResult, InventoryItemAttribute, InventoryItemSchema } from '../../generated/ssm/types.js';
import type { AttributeDef } from './schema.js';
import { AWS_TYPES } from './schema.js';
import { typeAttributes } from './filters.js';
import type { InventorySlice } from './state.js';
import * as messages from './messages.js';

export const SCHEMA_MAX_RESULTS = 200;

/** AWS answers STRING / NUMBER where the model's enum says string / number (schema.ts). */
const wire = (attrs: readonly AttributeDef[]) => attrs.map((a) => ({ ...a }) as unknown as InventoryItemAttribute);
const strings = (names: readonly string[]) => wire(names.map((Name) => ({ Name, DataType: 'STRING' })));

function allSchemas(slice: InventorySlice, req: GetInventorySchemaRequest): InventoryItemSchema[] {
  const out: InventoryItemSchema[] = [];
  for (const t of AWS_TYPES) {
    if (req.Aggregator) {
      if (t.Aggregator) out.push({ TypeName: t.TypeName, Version: t.Version, DisplayName: t.Aggregator.DisplayName, Attributes: strings(t.Aggregator.Attributes) });
    } else if (!!t.SubType === !!req.SubType || t.TypeName === req.TypeName) {
      out.push({ TypeName: t.TypeName, Version: t.Version, Attributes: wire(t.Attributes) });
    }
  }
  if (!req.Aggregator && !req.SubType) {
    for (const c of Object.values(slice.schemas)) out.push({ TypeName: c.TypeName, Version: c.Version, Attributes: strings(c.Attributes) });
  }
  return out.sort((a, b) => (a.TypeName < b.TypeName ? -1 : a.TypeName > b.TypeName ? 1 : 0));
}

export function getInventorySchema(slice: InventorySlice, req: GetInventorySchemaRequest): GetInventorySchemaResult {
  let schemas = allSchemas(slice, req);
  if (req.TypeName) {
    if (!typeAttributes(slice, req.TypeName)) throw new InvalidTypeNameException(messages.unknownType(req.TypeName));
    schemas = schemas.filter((s) => s.TypeName === req.TypeName);
  }
  const invalid = () => new InvalidNextToken(messages.invalidNextToken());
  const { page, nextToken } = pageSorted(schemas, (s) => s.TypeName, req.MaxResults ?? SCHEMA_MAX_RESULTS, req.NextToken, invalid);
  return { Schemas: page, ...(nextToken && { NextToken: nextToken }) };
}
