import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { DescribeDocumentCommand, GetDocumentCommand } from '@aws-sdk/client-ssm';
import { useEmulator } from '../../testing/harness.js';
import { CATALOG_DIR, catalogOf, loadCatalog } from '../../sim/documents/catalog.js';
import { analyzeContent } from '../../sim/documents/content.js';

const t = useEmulator();

describe('AWS-owned document catalog (fixtures/documents)', () => {
  it('holds one file per document, each passing the checks CreateDocument makes', () => {
    const files = readdirSync(CATALOG_DIR).filter((f) => f.endsWith('.yaml'));
    const catalog = loadCatalog();
    expect(catalog.entries).toHaveLength(files.length);
    expect(files.length).toBeGreaterThanOrEqual(21);
    for (const e of catalog.entries) {
      const v = e.doc.Versions[e.doc.DefaultVersion];
      expect(() => analyzeContent({ content: v.Content, format: v.DocumentFormat, type: e.doc.DocumentType })).not.toThrow();
      expect(v.Hash).toBe(createHash('sha256').update(v.Content).digest('hex'));
      expect(v.Status).toBe('Active');
    }
  });

  it('is read-only: the loaded documents are frozen', () => {
    const doc = catalogOf(t.emu).byName.get('AWS-RunShellScript')!.doc;
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.Versions['1'].Parameters)).toBe(true);
    expect(() => {
      (doc as { Name: string }).Name = 'changed';
    }).toThrow();
  });

  it('is not copied into state: reading AWS-owned documents leaves the store without document records', async () => {
    await t.ssm.send(new DescribeDocumentCommand({ Name: 'AWS-RunPatchBaseline' }));
    await t.ssm.send(new GetDocumentCommand({ Name: 'AWS-StartSSHSession' }));
    const region = t.emu.store.data.regions['000000000000/us-east-1'] ?? {};
    const docs = (region.documents as { byName?: Record<string, unknown> } | undefined)?.byName ?? {};
    expect(Object.keys(docs)).toEqual([]);
  });

  it('serves the same document in every region and account', async () => {
    const a = await t.ssm.send(new GetDocumentCommand({ Name: 'AWS-RunPatchBaseline' }));
    const b = await t.client({ region: 'sa-east-1', account: '999999999999' }).send(new GetDocumentCommand({ Name: 'AWS-RunPatchBaseline' }));
    expect(b.Content).toBe(a.Content);
    expect(b.DocumentType).toBe('Command');
  });
});
