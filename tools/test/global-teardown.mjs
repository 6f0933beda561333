import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const running = globalThis.__PARVIS_TEST_PG__;
  if (!running) return;
  await running.server.stop();
  rmSync(running.dataDir, { recursive: true, force: true });
}
