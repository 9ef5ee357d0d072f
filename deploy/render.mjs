#!/usr/bin/env node
// `kustomize build` for the part of kustomize that deploy/ uses, so the tests render the manifests without the
// kustomize binary (none can be downloaded here): resources (files and folders), namespace, images, and
// strategic-merge patches (maps merge; lists of named items merge by name; other lists are replaced; null
// deletes). Any other kustomization field is refused rather than ignored, so the rendering never silently
// differs from what `kubectl apply -k` would do. Usage: node deploy/render.mjs <dir> (prints YAML).
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments, stringify } from 'yaml';

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'namespace', 'images', 'patches']);
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume']);

function readYaml(file) {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS();
    })
    .filter((o) => o !== null && o !== undefined);
}

const isMap = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Strategic merge of `patch` into `base` (both plain JSON), the subset described above. */
export function strategicMerge(base, patch) {
  if (!isMap(base) || !isMap(patch)) return structuredClone(patch);
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else if (Array.isArray(value) && Array.isArray(out[key]) && value.every((v) => isMap(v) && 'name' in v)) {
      const merged = out[key].map((item) => structuredClone(item));
      for (const item of value) {
        const at = merged.findIndex((m) => isMap(m) && m.name === item.name);
        if (item.$patch === 'delete') {
          if (at >= 0) merged.splice(at, 1);
        } else if (at >= 0) merged[at] = strategicMerge(merged[at], item);
        else merged.push(structuredClone(item));
      }
      out[key] = merged;
    } else
      out[key] = isMap(value) && isMap(out[key]) ? strategicMerge(out[key], value) : structuredClone(value);
  }
  return out;
}

/** Pod templates' containers (Deployments, Jobs, …) and a bare Pod's. */
export function containersOf(obj) {
  const spec = obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
}

const imageName = (image) => image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');

/** The objects that `kustomize build <dir>` would print, in order. */
export function render(dir) {
  const file = join(dir, 'kustomization.yaml');
  const [k] = readYaml(file);
  for (const key of Object.keys(k))
    if (!SUPPORTED.has(key)) throw new Error(`${file}: "${key}" is not supported by deploy/render.mjs`);
  const objects = [];
  for (const r of k.resources ?? []) {
    const path = resolve(dir, r);
    objects.push(...(statSync(path).isDirectory() ? render(path) : readYaml(path)));
  }
  const same = (o, p) => o.kind === p.kind && o.metadata?.name === p.metadata?.name;
  for (const p of k.patches ?? []) {
    if (!p.path || p.target) throw new Error(`${file}: only patches given by path are supported`);
    for (const patch of readYaml(resolve(dir, p.path))) {
      const at = objects.findIndex((o) => same(o, patch));
      if (at < 0) throw new Error(`${p.path}: ${patch.kind}/${patch.metadata?.name} patches nothing`);
      objects[at] = strategicMerge(objects[at], patch);
    }
  }
  for (const img of k.images ?? [])
    for (const o of objects)
      for (const c of containersOf(o)) {
        if (imageName(c.image) !== img.name) continue;
        const tag = img.digest ? `@${img.digest}` : img.newTag ? `:${img.newTag}` : '';
        c.image = `${img.newName ?? img.name}${tag}`;
      }
  if (k.namespace)
    for (const o of objects)
      if (!CLUSTER_SCOPED.has(o.kind)) o.metadata = { ...o.metadata, namespace: k.namespace };
  return objects;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node deploy/render.mjs <kustomization folder>');
    process.exit(2);
  }
  process.stdout.write(
    render(resolve(dir))
      .map((o) => stringify(o))
      .join('---\n'),
  );
}
