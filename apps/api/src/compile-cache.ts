import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * V8's compiled code of the CommonJS modules a process loads, kept between starts in one file per
 * kind of process, for Node versions without `module.enableCompileCache` (Node 20). Most of an
 * API process's start is loading Nest, Apollo and TypeORM (2,600 modules), and a third of that is
 * V8 parsing and compiling them: with the cache, V8 takes the code it compiled last time instead.
 *
 * Each entry is checked against its file's content (CRC-32): V8 itself only checks the length,
 * so a file changed to the same length must not run its old code. V8 refuses a cache made by
 * another version or with other flags, and that module is compiled as usual. The file is written
 * (whole, under another name, then renamed: several processes may write it at once) by `save`,
 * once the process has started, and only when some module was compiled without the cache: after
 * a build or an upgrade, not at every start.
 */
export class CompileCache {
  private readonly entries = new Map<string, { crc: number; data: Buffer }>();
  private readonly compiled = new Map<string, { crc: number; script: vm.Script }>();
  private misses = 0;
  private saved = false;

  constructor(private readonly file: string) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return; // none yet
    }
    try {
      const indexLength = bytes.readUInt32LE(0);
      const index = JSON.parse(bytes.toString('utf8', 4, 4 + indexLength)) as [string, number, number][];
      let at = 4 + indexLength;
      for (const [filename, crc, length] of index) {
        this.entries.set(filename, { crc, data: bytes.subarray(at, at + length) });
        at += length;
      }
    } catch {
      this.entries.clear(); // a file from elsewhere: compiled again, then written anew
    }
  }

  /** How many modules were compiled without the cache in this process. */
  get missed(): number {
    return this.misses;
  }

  /** The module's wrapper function, from the cache when it holds this very content. */
  compile(filename: string, content: string): (...args: unknown[]) => unknown {
    const crc = crc32(content);
    const entry = this.entries.get(filename);
    const cachedData = entry?.crc === crc ? entry.data : undefined;
    const script = new vm.Script(Module.wrap(content), {
      filename,
      cachedData,
      // `import()` in a module works as in one Node compiled itself.
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    if (!cachedData || script.cachedDataRejected) this.misses++;
    if (!this.saved) this.compiled.set(filename, { crc, script });
    return script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  }

  /**
   * Writes the cache when some module missed it: the code of every module this process compiled,
   * taken now, so that it includes the functions compiled since (V8 compiles most functions on
   * their first call). Then lets the cache go: modules loaded later are compiled as usual. Never
   * fails the process: a cache that cannot be written (a read-only installation) is only slower.
   */
  save(): void {
    if (this.saved) return;
    this.saved = true;
    try {
      if (this.misses > 0) this.write();
    } catch {
      // started without the cache next time, as before
    } finally {
      this.entries.clear();
      this.compiled.clear();
    }
  }

  private write(): void {
    const index: [string, number, number][] = [];
    const blobs: Buffer[] = [];
    for (const [filename, { crc, script }] of this.compiled) {
      const data = script.createCachedData();
      index.push([filename, crc, data.length]);
      blobs.push(data);
    }
    const json = Buffer.from(JSON.stringify(index));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(json.length, 0);
    mkdirSync(dirname(this.file), { recursive: true });
    const partial = `${this.file}.${process.pid}`;
    writeFileSync(partial, Buffer.concat([header, json, ...blobs]));
    renameSync(partial, this.file);
  }
}

type CompilingModule = Module & {
  _compile: (this: CompilingModule, content: string, filename: string, format?: string) => unknown;
};

const ModuleStatics = Module as unknown as {
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: unknown;
  _cache: unknown;
};

/**
 * Compiles every CommonJS module loaded from now on through a cache in `dir` (the file `name`),
 * unless this Node has its own (`module.enableCompileCache`, Node 22), which it then turns on.
 * Returns the cache, whose `save` the caller calls once started; `null` when Node's own is used.
 */
export function useCompileCache(dir: string, name: string): CompileCache | null {
  const native = (Module as { enableCompileCache?: (dir?: string) => unknown }).enableCompileCache;
  if (native) {
    native(dir);
    return null;
  }
  const cache = new CompileCache(join(dir, `${name}-${process.version}-${process.arch}.v8cache`));
  const main = require.main;
  const proto = Module.prototype as CompilingModule;
  const nodeCompile = proto._compile;
  // What Node's own `_compile` does for a CommonJS file (Node 20), with the wrapper compiled from
  // the cache; anything else (an ES module reached by `require`) is left to Node.
  proto._compile = function compile(content, filename, format) {
    if ((format && format !== 'commonjs') || !/\.c?js$/.test(filename))
      return nodeCompile.call(this, content, filename, format);
    return run(cache, this, main, content, filename);
  };
  return cache;
}

function run(
  cache: CompileCache,
  module: CompilingModule,
  main: Module | undefined,
  content: string,
  filename: string,
): unknown {
  const moduleRequire = Object.assign((id: string): unknown => module.require(id), {
    resolve: Object.assign(
      (request: string, options?: unknown) => ModuleStatics._resolveFilename(request, module, false, options),
      { paths: (request: string) => ModuleStatics._resolveLookupPaths(request, module) },
    ),
    main,
    extensions: ModuleStatics._extensions,
    cache: ModuleStatics._cache,
  });
  // A `#!` line is only allowed at the very start of a script, which the wrapper no longer is.
  const source = content.startsWith('#!') ? `//${content.slice(2)}` : content;
  const wrapper = cache.compile(filename, source);
  return wrapper.call(module.exports, module.exports, moduleRequire, module, filename, dirname(filename));
}
