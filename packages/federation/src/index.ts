// @skills/federation — the run-time side of the micro-frontends: the manifest (/remotes.json) that tells the
// shell where each portal's remoteEntry.js lives and where the GraphQL gateway is. Served next to the shell (and
// next to each portal when it runs standalone), generated at start from the environment, never baked into a build.
export * from './manifest.js';
export * from './names.js';
