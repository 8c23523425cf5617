/**
 * Runs every `*.test.ts` under src/ and test/ with node's test runner, one file at a time.
 * Node 20's `--test` does not expand globs (that came in Node 21), so this script lists the files itself.
 * Extra arguments (e.g. `--test-name-pattern=…` or a path prefix filter) are passed on to node.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const roots = ['src', 'test'];

function testFiles(): string[] {
  return roots
    .flatMap((dir) =>
      readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.test.ts') && !f.split(/[\\/]/).includes('node_modules'))
        .map((f) => relative(root, join(root, dir, f))),
    )
    .sort();
}

const args = process.argv.slice(2);
const filters = args.filter((a) => !a.startsWith('-'));
const options = args.filter((a) => a.startsWith('-'));
const files = testFiles().filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)));
if (files.length === 0) {
  console.error(`No test files found${filters.length ? ` under ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=1', ...options, ...files],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
