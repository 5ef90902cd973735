/**
 * The AWS-owned document catalog: read-only fixtures in fixtures/documents/, one YAML file per
 * document (metadata + the content exactly as AWS serves it), the same in every account and region.
 * They are not copied into state: lookups fall through from the account's own documents to this
 * catalog, and nothing can write to it (the objects are frozen).
 *
 * Loading is lazy (first document lookup of an emulator), so start-up stays fast. A fixture whose
 * content does not pass the same checks as CreateDocument fails loudly at load.
 *
 * Fixture file format (YAML):
 *   Name: AWS-RunShellScript           # required, must match the file name
 *   DocumentType: Command              # required
 *   DocumentFormat: JSON               # JSON | YAML | TEXT (default JSON)
 *   CreatedDate: 2017-08-31T00:00:00Z  # ISO instant (default 2017-01-01)
 *   DocumentVersion: "1"               # default "1"; also the default and latest version
 *   VersionName, DisplayName, TargetType: optional, as AWS reports them
 *   PlatformTypes: [Windows, Linux]    # optional override of the platforms derived from the plugins
 *   Owner: Amazon | AccountDefault     # default Amazon. AccountDefault: a document every account
 *                                      # starts with as its own (SSM-SessionManagerRunShell), which
 *                                      # the account may update, share or delete.
 *   Content: |                         # the document content in DocumentFormat
 *     {...}
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import type { DocumentFormat, DocumentType, PlatformType } from '../../generated/ssm/types.js';
import type { Runtime } from '../../core/runtime.js';
import { analyzeContent, sha256, wireParameters, type AnalyzedContent } from './content.js';
import type { StoredDocument } from './state.js';
import { FIXTURES_DIR } from '../../core/paths.js';

export const CATALOG_DIR = join(FIXTURES_DIR, 'documents') + '/';

export interface CatalogEntry {
  /** The document as the operations read it (Owner "Amazon", or "" for account defaults: the caller's account). */
  readonly doc: StoredDocument;
  readonly accountDefault: boolean;
  /** The analysis of its (single) version, for the executing engines. */
  readonly analysis: AnalyzedContent;
}

export interface Catalog {
  readonly byName: ReadonlyMap<string, CatalogEntry>;
  /** Sorted by name. */
  readonly entries: readonly CatalogEntry[];
}

interface FixtureFile {
  Name: string;
  DocumentType: DocumentType;
  DocumentFormat?: DocumentFormat;
  CreatedDate?: string | Date;
  DocumentVersion?: string;
  VersionName?: string;
  DisplayName?: string;
  TargetType?: string;
  PlatformTypes?: PlatformType[];
  Owner?: 'Amazon' | 'AccountDefault';
  Content: string;
}

const loaded = new WeakMap<Runtime, Catalog>();

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

/** Parses every fixture in `dir` (exported for tests of the fixtures themselves). */
export function loadCatalog(dir = CATALOG_DIR): Catalog {
  const byName = new Map<string, CatalogEntry>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const f = YAML.parse(readFileSync(dir + file, 'utf8'), { schema: 'core' }) as FixtureFile;
    if (!f || typeof f.Name !== 'string' || `${f.Name}.yaml` !== file) throw new Error(`fixtures/documents/${file}: Name must match the file name`);
    if (typeof f.Content !== 'string') throw new Error(`fixtures/documents/${file}: Content must be a string`);
    const format = f.DocumentFormat ?? 'JSON';
    let analysis: AnalyzedContent;
    try {
      analysis = analyzeContent({ content: f.Content, format, type: f.DocumentType });
    } catch (e) {
      throw new Error(`fixtures/documents/${file}: ${(e as Error).message}`);
    }
    const version = f.DocumentVersion ?? '1';
    const created = new Date(f.CreatedDate ?? '2017-01-01T00:00:00Z').getTime() / 1000;
    const doc: StoredDocument = {
      Name: f.Name,
      Owner: f.Owner === 'AccountDefault' ? '' : 'Amazon',
      DocumentType: f.DocumentType,
      CreatedDate: created,
      Tags: [],
      DefaultVersion: version,
      LatestVersion: version,
      NextVersion: Number(version) + 1,
      Versions: {
        [version]: {
          DocumentVersion: version,
          ...(f.VersionName !== undefined && { VersionName: f.VersionName }),
          ...(f.DisplayName !== undefined && { DisplayName: f.DisplayName }),
          Content: f.Content,
          DocumentFormat: format,
          Hash: sha256(f.Content),
          CreatedDate: created,
          Status: 'Active',
          ...(f.TargetType !== undefined && { TargetType: f.TargetType }),
          ...(analysis.schemaVersion !== undefined && { SchemaVersion: analysis.schemaVersion }),
          ...(analysis.description !== undefined && { Description: analysis.description }),
          Parameters: wireParameters(analysis.parameters),
          PlatformTypes: f.PlatformTypes ?? analysis.platformTypes,
        },
      },
      Permissions: [],
    };
    byName.set(f.Name, deepFreeze({ doc, accountDefault: f.Owner === 'AccountDefault', analysis }));
  }
  return { byName, entries: [...byName.values()].sort((a, b) => (a.doc.Name < b.doc.Name ? -1 : 1)) };
}

/** The catalog of an emulator, loaded on first use. */
export function catalogOf(emu: Runtime): Catalog {
  let c = loaded.get(emu);
  if (!c) loaded.set(emu, (c = loadCatalog()));
  return c;
}
