// `node tools/bench/start-bench.mjs [--runs N] [--root DIR]`: how long `npm start` takes until
// /health answers, as a user meets it: a first start (creates the embedded database, migrates,
// seeds the demo), then N second starts on the same data with the build already done. Each line the
// start prints is shown with the time it arrived, which is where the time goes. Besides the time,
// the processor time Parvis's processes had used when /health answered (npm, the primary, the API
// processes; Linux's /proc): on a shared machine the time follows the load, the processor time much
// less. Every start is stopped as Ctrl-C would (SIGINT to its process group) and must exit cleanly
// before the next. Writes nothing: copy the output into tools/bench/RESULTS.md with the date and
// the machine. `--root DIR` measures another built checkout (harness.mjs).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ROOT } from './harness.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
// A free port, not a fixed one: other benchmarks and tests may be running on this machine.
const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address();
    probe.close(() => resolve(free));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'parvis-start-bench-'));
chmodSync(dataDir, 0o755);

/**
 * Processor seconds used so far by the processes of a process group, its exited children included
 * (Linux: /proc/PID/stat, in clock ticks of 1/100 s); null elsewhere.
 */
function groupCpuSeconds(pgid) {
  let ticks = 0;
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      // After the command's name, in parentheses: state, ppid, pgrp, ... utime (14th), stime, cutime, cstime.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    }
  } catch {
    return null;
  }
  return ticks / 100;
}

/** One `npm start`: resolves with the time to a healthy /health and the timed output lines. */
async function timedStart() {
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PARVIS_DATA_DIR: dataDir, PORT: String(port), WEB_DIST: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, like a terminal's foreground job: Ctrl-C reaches every process in it.
    detached: true,
  });
  const lines = [];
  const record = (chunk) => {
    const at = performance.now() - t0;
    for (const line of chunk.toString().split('\n')) if (line.trim()) lines.push({ at, line });
  };
  child.stdout.on('data', record);
  child.stderr.on('data', record);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  let healthy = null;
  let cpu = null;
  while (healthy === null && child.exitCode === null && performance.now() - t0 < 120_000) {
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      healthy = performance.now() - t0;
      cpu = groupCpuSeconds(child.pid);
    } else await new Promise((r) => setTimeout(r, 25));
  }
  process.kill(-child.pid, 'SIGINT');
  const code = await exited;
  if (healthy === null)
    throw new Error(`npm start did not become healthy:\n${lines.map((l) => l.line).join('\n')}`);
  return { healthy, cpu, code, lines };
}

try {
  const first = await timedStart();
  const cpuOf = (start) => (start.cpu === null ? '' : `, processor ${start.cpu.toFixed(2)} s`);
  console.log(
    `first start (new data folder): /health after ${(first.healthy / 1000).toFixed(2)} s${cpuOf(first)}, exit ${first.code}`,
  );
  const seconds = [];
  const cpus = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await timedStart();
    seconds.push(last.healthy);
    if (last.cpu !== null) cpus.push(last.cpu * 1000);
    console.log(
      `second start #${i + 1}: /health after ${(last.healthy / 1000).toFixed(2)} s${cpuOf(last)}, exit ${last.code}`,
    );
  }
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  seconds.sort((a, b) => a - b);
  console.log(
    `second start to /health, median of ${runs}: ${(median(seconds) / 1000).toFixed(2)} s (best ${(seconds[0] / 1000).toFixed(2)}, worst ${(seconds.at(-1) / 1000).toFixed(2)})` +
      (cpus.length ? `; processor time, median: ${(median(cpus) / 1000).toFixed(2)} s` : ''),
  );
  console.log('\nthe last second start, line by line (ms since `npm start`):');
  for (const { at, line } of last.lines)
    console.log(`${String(Math.round(at)).padStart(6)}  ${line.slice(0, 140)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
