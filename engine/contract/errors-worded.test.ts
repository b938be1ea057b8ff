import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * House rule: an error Berth makes crosses the contract as a reason with params, worded in both
 * catalogs; its English message is only for logs. This reads every non-test source under engine/
 * and electron/ with the TypeScript parser and lists each `new BerthError(…)` (or a subclass of it)
 * whose 4th argument is not an object literal with a `reason`, so an English sentence of Berth's own
 * cannot reach the Korean UI unnoticed.
 */
const root = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = ['engine', 'electron'].flatMap((dir) => sources(join(root, dir))).map((path) => ({
  path: relative(root, path),
  tree: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  node.forEachChild((child) => visit(child, each));
}

/** BerthError and every class that extends it, by name (subclasses of subclasses too). */
function errorClasses(): Set<string> {
  const names = new Set(['BerthError']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const { tree } of files) {
      visit(tree, (node) => {
        if (!ts.isClassDeclaration(node) || !node.name || names.has(node.name.text)) return;
        const base = node.heritageClauses?.find((c) => c.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
        if (base && ts.isIdentifier(base) && names.has(base.text)) {
          names.add(node.name.text);
          grew = true;
        }
      });
    }
  }
  return names;
}

/** An object literal with a `reason`, or a choice (`a ? {…} : {…}`) whose every branch is one. */
function hasReason(arg: ts.Expression | undefined): boolean {
  if (!arg) return false;
  if (ts.isParenthesizedExpression(arg)) return hasReason(arg.expression);
  if (ts.isConditionalExpression(arg)) return hasReason(arg.whenTrue) && hasReason(arg.whenFalse);
  return ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === 'reason');
}

describe('errors Berth makes are worded from a reason', () => {
  it('every `new BerthError(…)` in engine/ and electron/ names a reason (4th argument)', () => {
    const classes = errorClasses();
    const unworded: string[] = [];
    let seen = 0;
    for (const { path, tree } of files) {
      visit(tree, (node) => {
        if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || !classes.has(node.expression.text)) return;
        seen++;
        if (!hasReason(node.arguments?.[3])) {
          const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
          unworded.push(`${path}:${line + 1}`);
        }
      });
    }
    // The parse found the constructions at all (a broken walk would pass with nothing to check).
    expect(seen).toBeGreaterThan(40);
    expect(unworded).toEqual([]);
  });
});
