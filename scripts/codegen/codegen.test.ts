import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateAll, loadSpecs } from './generate.js';
import { controlDocumentFile } from './control-openapi.js';
import { toJsRegExp } from '../../emulator/core/validate.js';
import { areaOfOperation } from '../../emulator/model/areas.js';

const root = resolve(import.meta.dirname, '../..');

describe('codegen', () => {
  it('committed generated files are up to date with emulator/model and the control routes (run `npm run gen` when this fails)', async () => {
    const stale: string[] = [];
    for (const [path, content] of [...generateAll(root), await controlDocumentFile()]) {
      const abs = resolve(root, path);
      if (!existsSync(abs) || readFileSync(abs, 'utf8') !== content) stale.push(path);
    }
    expect(stale).toEqual([]);
  });

  it('routes all 146 SSM operations and assigns each to a capability area', () => {
    const ssm = loadSpecs(root).find((s) => s.id === 'ssm')!;
    const ops = Object.keys(ssm.model.operations);
    expect(ops).toHaveLength(146);
    expect(ops.filter((o) => !areaOfOperation.has(o))).toEqual([]);
    expect([...areaOfOperation.keys()].filter((o) => !ops.includes(o))).toEqual([]);
  });

  it('every model pattern compiles as a JavaScript regular expression with Java full-match semantics', () => {
    for (const spec of loadSpecs(root)) {
      for (const [name, shape] of Object.entries(spec.model.shapes)) {
        if (shape.pattern === undefined) continue;
        expect(() => toJsRegExp(shape.pattern!), `${spec.id} ${name}: ${shape.pattern}`).not.toThrow();
      }
    }
    // Java's Matcher.matches(): the whole value, not a substring.
    expect(toJsRegExp('[0-9]{12}').test('123456789012')).toBe(true);
    expect(toJsRegExp('[0-9]{12}').test('x123456789012')).toBe(false);
    // (?i) becomes the i flag; alternation stays inside the anchors.
    expect(toJsRegExp('(?i)all|[0-9]{12}').test('ALL')).toBe(true);
    expect(toJsRegExp('(?i)all|[0-9]{12}').test('allx')).toBe(false);
    // \p{..} needs the u flag.
    expect(toJsRegExp('^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$').test('Ünïcødé tag')).toBe(true);
  });
});
