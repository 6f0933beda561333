import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompileCache } from './compile-cache';

/** A CommonJS module's source, run through the cache as Node would run it: its `module.exports`. */
function load(cache: CompileCache, filename: string, content: string): unknown {
  const module = { exports: {} as unknown };
  cache.compile(filename, content).call(module.exports, module.exports, require, module, filename, tmpdir());
  return module.exports;
}

const FILENAME = '/app/dist/greeting.js';
const SOURCE = `module.exports = function greet(name) { return 'Hello ' + name; };`;

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function cacheFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'parvis-compile-cache-'));
  folders.push(folder);
  return join(folder, 'api-process.v8cache');
}

it('runs a module compiled from the cache like one compiled by Node, and writes the cache only after a miss', () => {
  const file = cacheFile();
  const first = new CompileCache(file);
  expect((load(first, FILENAME, SOURCE) as (name: string) => string)('Ana')).toBe('Hello Ana');
  expect(first.missed).toBe(1);
  first.save();
  const written = readFileSync(file);

  const second = new CompileCache(file);
  expect((load(second, FILENAME, SOURCE) as (name: string) => string)('Ben')).toBe('Hello Ben');
  expect(second.missed).toBe(0);
  second.save();
  expect(readFileSync(file).equals(written)).toBe(true);
});

it('compiles a file changed since again, even at the same length (V8 alone would take the old code)', () => {
  const file = cacheFile();
  const first = new CompileCache(file);
  load(first, FILENAME, SOURCE);
  first.save();

  const changed = SOURCE.replace('Hello', 'Howdy');
  expect(changed).toHaveLength(SOURCE.length);
  const second = new CompileCache(file);
  expect((load(second, FILENAME, changed) as (name: string) => string)('Ana')).toBe('Howdy Ana');
  expect(second.missed).toBe(1);
});

it('starts without the cache when its file is not one it wrote', () => {
  const file = cacheFile();
  writeFileSync(file, 'not a compile cache');
  const cache = new CompileCache(file);
  expect((load(cache, FILENAME, SOURCE) as (name: string) => string)('Ana')).toBe('Hello Ana');
  expect(cache.missed).toBe(1);
});
