// Where an API process's time goes, from a `node --cpu-prof` profile: each sample is put in a part
// by the script URL of its frame (self time), and counted once in every part of its stack
// (time with callees). Idle samples are left out.

const PARTS = [
  ['garbage collection', (f) => f.functionName === '(garbage collector)'],
  [
    'GraphQL (graphql-js, Apollo, Nest GraphQL)',
    (f) =>
      /node_modules\/(graphql|@apollo|@nestjs\/graphql|@nestjs\/apollo|@as-integrations|@graphql-tools|graphql-ws)\//.test(
        f.url,
      ),
  ],
  ['ORM (TypeORM)', (f) => /node_modules\/typeorm\//.test(f.url)],
  [
    'pg driver (pg, pg-protocol, pg-pool, pg-types)',
    (f) => /node_modules\/(pg|pg-protocol|pg-pool|pg-types|pg-connection-string)\//.test(f.url),
  ],
  [
    'Nest core, Express, DataLoader, class-validator',
    (f) =>
      /node_modules\/(@nestjs\/(core|common|platform-express)|express|body-parser|router|dataloader|class-validator|class-transformer|cookie-parser)\//.test(
        f.url,
      ),
  ],
  ['own code (apps/api, libs)', (f) => /\/(apps\/api\/dist|libs\/shared)\//.test(f.url)],
  ['other packages', (f) => /node_modules\//.test(f.url)],
  ['Node.js runtime and natives (sockets, streams, JSON, crypto)', () => true],
];

export function summarizeProfile(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const partOf = new Map(); // node id → part index (its own frame)
  for (const n of profile.nodes) {
    const f = n.callFrame;
    partOf.set(
      n.id,
      f.functionName === '(idle)' || f.functionName === '(program)'
        ? -1
        : PARTS.findIndex(([, test]) => test(f)),
    );
  }
  const self = new Array(PARTS.length).fill(0);
  const inclusive = new Array(PARTS.length).fill(0);
  let total = 0;
  for (const id of profile.samples) {
    const own = partOf.get(id);
    if (own === -1) continue;
    total++;
    self[own]++;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const p = partOf.get(at);
      if (p >= 0 && !seen.has(p)) {
        seen.add(p);
        inclusive[p]++;
      }
      if (!byId.has(at)) break;
    }
  }
  const pct = (n) => ((100 * n) / Math.max(1, total)).toFixed(1);
  return {
    samples: total,
    parts: PARTS.map(([name], i) => ({ name, self: pct(self[i]), inclusive: pct(inclusive[i]) })),
  };
}
