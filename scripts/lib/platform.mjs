// Starts the platform's processes (subgraphs, then the gateway) from their built output and waits until each
// answers /ready or /health, then serves the shell and the portals (each app's dist/ on its own port) with the
// run-time manifest /remotes.json next to each. Used by `npm start` and by end-to-end tests. Node built-ins only.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.mjs';

// the repository, or the portals image's /app (deploy/bundle.mjs copies this file without the toolchain)
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const LIST = JSON.parse(readFileSync(join(ROOT, 'platform.json'), 'utf8'));
const envName = (name) => name.toUpperCase().replace(/[^A-Z0-9]/g, '_');

/**
 * Everything `npm start` runs, in start order: the subgraphs of platform.json (the one list), then the gateway.
 * Ports are the defaults; `portEnv` overrides them, `urlEnv` tells the gateway where a subgraph is.
 */
export const SERVICES = [
  ...LIST.subgraphs.map((s) => ({
    name: s.name,
    dir: s.dir,
    entry: 'dist/server.js',
    port: s.port,
    portEnv: `${envName(s.name)}_PORT`,
    probe: '/ready',
    urlEnv: `${envName(s.name)}_URL`,
  })),
  {
    name: LIST.gateway.name,
    dir: LIST.gateway.dir,
    entry: 'dist/server.js',
    port: LIST.gateway.port,
    portEnv: 'GATEWAY_PORT',
    probe: '/health',
  },
];

/**
 * The shell and the portals (platform.json), served after the gateway. `remote` is the module-federation
 * container name, `path` where the shell mounts it. `portEnv` overrides the port; `urlEnv` points the manifest
 * at a portal deployed elsewhere (its base URL, where remoteEntry.js lives) without rebuilding anything.
 */
export const APPS = LIST.apps.map((a) => ({
  name: a.name,
  dir: a.dir,
  port: a.port,
  portEnv: a.portEnv ?? `PORTAL_${envName(a.name)}_PORT`,
  ...(a.remote
    ? { urlEnv: `PORTAL_${envName(a.name)}_URL`, remote: a.remote, title: a.title, path: a.path }
    : {}),
}));

/**
 * The run-time manifest the shell (and each standalone portal) reads from /remotes.json.
 * @param {{ gatewayUrl: string, appUrls: Record<string,string>, env?: Record<string,string|undefined> }} o
 */
export function buildManifest({ gatewayUrl, appUrls, env = {} }) {
  return {
    gatewayUrl: env.PUBLIC_GATEWAY_URL || gatewayUrl,
    remotes: APPS.filter((a) => a.remote).map((a) => ({
      name: a.remote,
      title: a.title,
      path: a.path,
      entry: `${(env[a.urlEnv] || appUrls[a.name]).replace(/\/+$/, '')}/remoteEntry.js`,
    })),
  };
}

/** A service's or app's port: opts.ports by name, else its port variable, else the default. */
function portOf(entry, opts, env) {
  return opts.ports?.[entry.name] ?? (env[entry.portEnv] ? Number(env[entry.portEnv]) : entry.port);
}

async function waitFor(url, isDown, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const down = isDown();
    if (down) throw new Error(down);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready after ${timeoutMs} ms (${url})`);
}

/** The last lines a process wrote, for the message when it keeps crashing. */
function lastLines(max = 20) {
  const lines = [];
  let partial = '';
  return {
    push(chunk) {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop() ?? '';
      lines.push(...parts);
      if (lines.length > max) lines.splice(0, lines.length - max);
    },
    text: () => [...lines, partial].filter(Boolean).join('\n'),
  };
}

/**
 * One service process under supervision. The child runs in its own process group (a Ctrl-C in the terminal
 * reaches only the launcher, which then stops the services in order) and ends itself when the launcher's pipe
 * on its stdin closes (SKILLS_EXIT_WITH_PARENT), so no service outlives a launcher that was killed.
 * With `restart`, an exit the launcher did not ask for restarts the service after a backoff (`backoffMs`, 1 s,
 * doubling to 30 s); more than `maxCrashes` exits within a minute give up and call `onGiveUp` with its last lines.
 */
export function superviseService(
  s,
  { env, port, log, restart, maxCrashes = 5, backoffMs = 1000, onGiveUp, say },
) {
  let child;
  let stopped = false;
  let timer;
  const crashes = [];
  const output = lastLines();
  const handle = {
    name: s.name,
    port,
    restarts: 0,
    get child() {
      return child;
    },
    spawn() {
      child = spawn(process.execPath, [s.entry], {
        cwd: join(ROOT, s.dir),
        env: { ...env, PORT: String(port), SKILLS_EXIT_WITH_PARENT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
      });
      const current = child;
      for (const [from, to] of [
        [child.stdout, process.stdout],
        [child.stderr, process.stderr],
      ]) {
        from.on('data', (c) => {
          output.push(c);
          if (log === 'inherit') to.write(c);
        });
      }
      child.on('exit', (code, signal) => {
        if (stopped || current !== child) return;
        const how = signal ? `signal ${signal}` : `code ${code}`;
        if (!restart) return;
        const now = Date.now();
        crashes.push(now);
        while (crashes.length && crashes[0] < now - 60_000) crashes.shift();
        if (crashes.length > maxCrashes) {
          say(`✖ ${s.name} exited (${how}) ${crashes.length} times within a minute; giving up`);
          onGiveUp?.(s.name, output.text());
          return;
        }
        const delay = Math.min(30_000, backoffMs * 2 ** (crashes.length - 1));
        handle.restarts++;
        say(
          `⚠ ${s.name} exited unexpectedly (${how}); restarting in ${delay / 1000} s (restart ${handle.restarts})`,
        );
        timer = setTimeout(() => {
          if (!stopped) handle.spawn();
        }, delay);
      });
      return child;
    },
    /** Why the service is not running, or null while it runs. */
    down: () =>
      child.exitCode !== null || child.signalCode !== null
        ? `exited with ${child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`}\n${output.text()}`
        : null,
    lastLines: () => output.text(),
    /** Stops the service (SIGTERM, then SIGKILL after 10 s) and never restarts it. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(kill);
    },
    /** Starts it again after stop() (tests of outages). */
    resume() {
      stopped = false;
      return handle.spawn();
    },
  };
  return handle;
}

/**
 * @param {{ env?: Record<string,string>, ports?: Record<string,number>, log?: 'inherit'|'ignore', timeoutMs?: number, apps?: boolean, restart?: boolean, onGiveUp?: (name: string, lastLines: string) => void }} opts
 *   ports: by service or app name (catalogue, gateway, shell, public, bureau, institution, candidate);
 *   apps: false starts only the services; restart: restart a service that exits unexpectedly (npm start).
 */
export async function startPlatform(opts = {}) {
  const services = [];
  const servers = [];
  const urls = {};
  const env = {
    // Gateway and subgraphs share a secret for the signed caller claims; a fresh one per start is enough
    // (claims live 60 s). Demo accounts are seeded: this launcher is for demos, tests and development.
    CLAIMS_SECRET: randomBytes(32).toString('base64url'),
    DEMO_ACCOUNTS: 'true',
    ...process.env,
    ...opts.env,
  };
  const withApps = opts.apps !== false;
  // The browser calls the gateway from the shell's and the portals' origins.
  if (withApps && !env.CORS_ORIGINS) {
    env.CORS_ORIGINS = APPS.flatMap((a) => {
      const port = portOf(a, opts, env);
      return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    }).join(',');
  }
  let manifest;
  const stop = async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
    // the gateway first, then the subgraphs behind it
    for (const s of [...services].reverse()) await s.stop();
  };
  try {
    // Subgraphs asking the graph for facts they do not own (agencies → catalogue, assessment → agencies,
    // certificates → assessment and agencies) go through the gateway.
    const gatewayPort = portOf(
      SERVICES.find((s) => s.name === LIST.gateway.name),
      opts,
      env,
    );
    env.CATALOGUE_GRAPH_URL ??= `http://127.0.0.1:${gatewayPort}/graphql`;
    env.AGENCIES_GRAPH_URL ??= `http://127.0.0.1:${gatewayPort}/graphql`;
    env.ASSESSMENT_GRAPH_URL ??= `http://127.0.0.1:${gatewayPort}/graphql`;
    env.DEMO_DATA ??= 'true';
    // Subgraphs that call another subgraph directly (agencies → assessment's _entities for the evaluation count)
    // know its address before either starts: the ports are fixed, and the subgraphs start together.
    for (const s of SERVICES)
      if (s.urlEnv && s.name !== LIST.gateway.name)
        env[s.urlEnv] ??= `http://127.0.0.1:${portOf(s, opts, env)}/graphql`;
    const startService = async (s) => {
      const handle = superviseService(s, {
        // per service database (production layout), else the shared one (a schema per service)
        env: {
          ...env,
          // as in production (graphql-js and Apollo skip their development checks: 10–30 % of a request, ADR
          // 0018; NODE_ENV=development npm start brings back introspection and the landing page), except identity
          // while it seeds the demo accounts, which it refuses to do in production
          NODE_ENV:
            env.NODE_ENV ??
            (s.name === 'identity' && env.DEMO_ACCOUNTS === 'true' ? 'development' : 'production'),
          DATABASE_URL: env[`${s.name.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL ?? '',
          DATA_DIR: env.DATA_DIR ?? join(ROOT, '.data'),
        },
        port: portOf(s, opts, env),
        log: opts.log ?? 'inherit',
        restart: opts.restart === true,
        onGiveUp: opts.onGiveUp,
        say: (line) => console.error(line),
      });
      services.push(handle);
      handle.spawn();
      const base = `http://127.0.0.1:${handle.port}`;
      try {
        await waitFor(base + s.probe, handle.down, opts.timeoutMs ?? 120_000);
      } catch (e) {
        throw new Error(`${s.name}: ${e.message}`);
      }
      urls[s.name] = `${base}/graphql`;
      if (s.urlEnv) env[s.urlEnv] = urls[s.name];
    };
    // The subgraphs are independent of each other: start them together, then the gateway in front.
    await Promise.all(SERVICES.filter((s) => s.name !== LIST.gateway.name).map(startService));
    await startService(SERVICES.find((s) => s.name === LIST.gateway.name));
    if (withApps) {
      const appUrls = Object.fromEntries(
        APPS.map((a) => [a.name, `http://127.0.0.1:${portOf(a, opts, env)}`]),
      );
      manifest = buildManifest({ gatewayUrl: urls.gateway, appUrls, env });
      const body = JSON.stringify(manifest, null, 2);
      for (const a of APPS) {
        try {
          const server = await startStaticServer({
            root: join(ROOT, a.dir, 'dist'),
            port: portOf(a, opts, env),
            routes: { '/remotes.json': () => ({ body }) },
          });
          servers.push(server);
          urls[a.name] = `${server.url}/`;
        } catch (e) {
          throw new Error(`${a.name}: ${e.message}`);
        }
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    urls,
    get children() {
      return services.map((s) => s.child);
    },
    service: (name) => services.find((s) => s.name === name),
    manifest,
    stop,
  };
}
