// `npm start`'s first step: build the API and the web app unless the last build is still current.
// Asking Nx costs 2–3 s even when everything comes from its cache (it starts, hashes every input,
// restores outputs); this check costs a few milliseconds: it fingerprints the sources (path,
// size and modification time of every file Nx's build reads) and the build outputs, and compares
// them with what it wrote after the last successful build. Any difference (an edit, a new or
// deleted file, a build run elsewhere, a checkout) runs the usual Nx build, whose cache still
// decides what really needs compiling.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = join(ROOT, 'node_modules', '.cache', 'parvis', 'build-stamp');

/** What the builds of `api`, `web` and their dependencies read (nx.json's inputs, and more). */
const SOURCES = ['apps/api', 'apps/web', 'libs/shared', 'package-lock.json', 'tsconfig.base.json', 'nx.json'];
/** Never inputs: outputs of the builds and the web codegen, installed packages. */
const SKIPPED = new Set(['node_modules', 'dist', 'apps/web/src/gql']);
/** The build outputs `npm start` runs or serves: rebuilt elsewhere, the stamp no longer holds. */
const OUTPUTS = ['apps/api/dist/main.js', 'apps/web/dist/index.html', 'libs/shared/domain/dist'];

function fingerprint() {
  const hash = createHash('sha256');
  const visit = (path) => {
    const rel = relative(ROOT, path);
    if (SKIPPED.has(rel) || SKIPPED.has(rel.split('/').pop())) return;
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return hash.update(`${rel}:missing\n`);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) visit(join(path, name));
      return;
    }
    hash.update(`${rel}:${stat.size}:${stat.mtimeMs}\n`);
  };
  for (const path of SOURCES) visit(join(ROOT, path));
  for (const path of OUTPUTS) {
    const stat = statSync(join(ROOT, path), { throwIfNoEntry: false });
    hash.update(`out ${path}:${stat ? stat.mtimeMs : 'missing'}\n`);
  }
  return hash.digest('hex');
}

const stamp = (() => {
  try {
    return readFileSync(STAMP, 'utf8');
  } catch {
    return null;
  }
})();
if (stamp !== fingerprint()) {
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--output-style=stream-without-prefixes'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
  mkdirSync(dirname(STAMP), { recursive: true });
  writeFileSync(STAMP, fingerprint());
}
