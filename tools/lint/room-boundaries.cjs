// ESLint rule `parvis/room-boundaries`: an import may cross from one room (a top-level folder of an
// app's source) to another only along an arrow drawn in ARCHITECTURE.md. The arrows are written
// once, in that file's Mermaid diagrams, and this rule reads them from there, so the picture and
// the enforcement cannot disagree. Besides the arrows: the web app never imports API code (its
// browser tests, apps/web-e2e, do start the API), libs/
// import no app, and a test file (beside the code it tests) may also use its app's `testing` room.
const { readFileSync, statSync } = require('node:fs');
const { dirname, isAbsolute, join, relative, resolve, sep } = require('node:path');

const ROOT = resolve(__dirname, '..', '..');

/**
 * Each ```mermaid block that starts with `%% rooms of <folder>` describes the rooms of that folder:
 * `a --> b` allows files of room `a` to import room `b`. A file directly in the folder belongs to
 * the room `main`. Node labels (`threads["threads/"]`) are allowed and ignored.
 */
function readArchitecture(file) {
  const text = readFileSync(file, 'utf8');
  const houses = [];
  for (const block of text.matchAll(/```mermaid\n([\s\S]*?)```/g)) {
    const lines = block[1].split('\n').map((l) => l.trim());
    const header = lines.find((l) => l.startsWith('%% rooms of '));
    if (!header) continue;
    const folder = header.slice('%% rooms of '.length).trim();
    const arrows = new Set();
    const rooms = new Set();
    for (const line of lines) {
      const m = /^([A-Za-z][\w-]*)(?:\[[^\]]*\])?\s*-->\s*([A-Za-z][\w-]*)(?:\[[^\]]*\])?$/.exec(line);
      if (!m) continue;
      arrows.add(`${m[1]}->${m[2]}`);
      rooms.add(m[1]).add(m[2]);
    }
    houses.push({ folder, arrows, rooms });
  }
  if (houses.length === 0) throw new Error(`${file} has no \`%% rooms of …\` Mermaid diagram`);
  return houses;
}

const cache = new Map();
function housesOf(architectureFile) {
  if (!cache.has(architectureFile)) cache.set(architectureFile, readArchitecture(architectureFile));
  return cache.get(architectureFile);
}

const isFolder = (path) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * The house (app source folder) and room of a repository-relative path, or null outside every
 * house. A path that names a room's folder itself (`../../gql`, its index file) is in that room.
 */
function placeOf(houses, root, path) {
  for (const house of houses) {
    const prefix = house.folder + '/';
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).split('/');
    const inMain = rest.length === 1 && !isFolder(join(root, path));
    return { house, room: inMain ? 'main' : rest[0] };
  }
  return null;
}

const toPosix = (p) => p.split(sep).join('/');
const TEST_FILE = /\.(spec|int-spec|e2e-spec)\.tsx?$/;

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the arrows of ARCHITECTURE.md' },
    schema: [
      {
        type: 'object',
        properties: { architectureFile: { type: 'string' }, root: { type: 'string' } },
        additionalProperties: false,
      },
    ],
    messages: {
      noArrow:
        '{{from}} may not import {{to}} ({{source}}): ARCHITECTURE.md has no arrow {{from}} --> {{to}}. Add the arrow there (and say why) or move the code.',
      unknownRoom:
        '{{room}} is not a room of ARCHITECTURE.md ({{folder}}): add it to the diagram with the arrows it needs.',
      webImportsApi:
        'The web app imports no API code ({{source}}): share it through libs/ or the GraphQL schema.',
      libImportsApp: 'libs/ import no app ({{source}}): the apps depend on libs, never the reverse.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const root = options.root ?? ROOT;
    const houses = housesOf(options.architectureFile ?? join(root, 'ARCHITECTURE.md'));
    const filename = context.filename;
    const file = toPosix(relative(root, isAbsolute(filename) ? filename : resolve(root, filename)));

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = toPosix(relative(root, resolve(dirname(join(root, file)), source)));
      if (file.startsWith('apps/web/') && target.startsWith('apps/api/')) {
        context.report({ node, messageId: 'webImportsApi', data: { source } });
        return;
      }
      if (file.startsWith('libs/') && target.startsWith('apps/')) {
        context.report({ node, messageId: 'libImportsApp', data: { source } });
        return;
      }
      const from = placeOf(houses, root, file);
      const to = placeOf(houses, root, target);
      if (!from || !to || from.house !== to.house || from.room === to.room) return;
      for (const room of [from.room, to.room]) {
        if (!from.house.rooms.has(room)) {
          context.report({ node, messageId: 'unknownRoom', data: { room, folder: from.house.folder } });
          return;
        }
      }
      if (to.room === 'testing' && TEST_FILE.test(file)) return;
      if (!from.house.arrows.has(`${from.room}->${to.room}`)) {
        context.report({ node, messageId: 'noArrow', data: { from: from.room, to: to.room, source } });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

module.exports = { rules: { 'room-boundaries': rule }, readArchitecture };
