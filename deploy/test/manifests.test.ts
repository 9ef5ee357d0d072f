// deploy/: the kustomize base and every overlay, rendered (deploy/render.mjs), each object validated against the
// Kubernetes schemas (kubernetes-models) and against our rules (test/rules.ts). The services come from
// platform.json, so a subgraph added there without its manifests fails here; the last cases break the rendered
// objects on purpose to show the rules catch it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as apps from 'kubernetes-models/apps/v1';
import * as autoscaling from 'kubernetes-models/autoscaling/v2';
import * as batch from 'kubernetes-models/batch/v1';
import * as networking from 'kubernetes-models/networking.k8s.io/v1';
import * as policy from 'kubernetes-models/policy/v1';
import * as core from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { ROOT, SERVICES } from '../bundle.mjs';
import { render, type K8sObject } from '../render.mjs';
import { allRules, containerRules, networkRules, serviceRules } from './rules.js';

const DEPLOY = join(ROOT, 'deploy');
const overlays = readdirSync(join(DEPLOY, 'overlays'));
const trees: [string, K8sObject[]][] = [
  ['base', render(join(DEPLOY, 'base'))],
  ...overlays.map((o): [string, K8sObject[]] => [`overlays/${o}`, render(join(DEPLOY, 'overlays', o))]),
];

type Models = Record<string, new (data: unknown) => { validate(): void }>;
const MODELS: Record<string, Models> = {
  v1: core as unknown as Models,
  'apps/v1': apps as unknown as Models,
  'batch/v1': batch as unknown as Models,
  'policy/v1': policy as unknown as Models,
  'autoscaling/v2': autoscaling as unknown as Models,
  'networking.k8s.io/v1': networking as unknown as Models,
};

/** Validates an object with kubernetes-models' class for its apiVersion and kind; throws what is wrong. */
async function validate(o: K8sObject) {
  const Model = MODELS[o.apiVersion]?.[o.kind];
  if (!Model) throw new Error(`kubernetes-models has no ${o.apiVersion} ${o.kind}`);
  new Model(o).validate();
}

describe.each(trees)('deploy/%s', (_name, objects) => {
  it('every object is valid for its Kubernetes schema', async () => {
    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) {
      await expect(validate(o), `${o.kind}/${o.metadata.name}`).resolves.toBeUndefined();
    }
  });
  it('keeps our rules: probes, limits, non-root, read-only root; services of platform.json; network', () => {
    expect(allRules(objects, SERVICES)).toEqual([]);
  });
  it('names each object once per kind', () => {
    const keys = objects.map((o) => `${o.kind}/${o.metadata.name}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});

describe('the Quanzhou overlay', () => {
  const objects = render(join(DEPLOY, 'overlays/quanzhou'));
  it('puts everything in its namespace and runs its registry’s tagged images', () => {
    for (const o of objects.filter((x) => x.kind !== 'Namespace'))
      expect(o.metadata.namespace, `${o.kind}/${o.metadata.name}`).toBe('skills-quanzhou');
    const images = objects.flatMap((o) =>
      (o.spec?.template?.spec?.containers ?? []).map((c: any) => c.image),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images)
      expect(image).toMatch(/^registry\.quanzhou\.example\/skills\/[a-z-]+:[\w.-]+$/);
  });
  it('patches what it says: the gateway scales 3–12, the portals know the public gateway', () => {
    const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler')!;
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([3, 12]);
    expect(hpa.spec.metrics).toHaveLength(1); // merged into the base, not replacing it
    const portals = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === 'portals-config')!;
    expect(portals.data.PUBLIC_GATEWAY_URL).toBe('https://api.skills.quanzhou.example/graphql');
    expect(portals.data.HOST).toBe('0.0.0.0');
  });
});

describe('the rules catch broken manifests', () => {
  const fresh = () => render(join(DEPLOY, 'overlays/quanzhou'));
  const find = (objects: K8sObject[], kind: string, name: string) =>
    objects.find((o) => o.kind === kind && o.metadata.name === name)!;

  it('an object the Kubernetes schema refuses', async () => {
    const deployment = find(fresh(), 'Deployment', 'gateway');
    deployment.spec.template.spec.containers[0].ports[0].containerPort = 'http';
    await expect(validate(deployment)).rejects.toThrow('containerPort must be integer');
    const pdb = find(fresh(), 'PodDisruptionBudget', 'gateway');
    pdb.spec.selector = 'app.kubernetes.io/name=gateway';
    await expect(validate(pdb)).rejects.toThrow('selector must be object');
  });
  it('a Deployment without probes', () => {
    const objects = fresh();
    const [container] = find(objects, 'Deployment', 'agencies').spec.template.spec.containers;
    delete container.readinessProbe;
    delete container.livenessProbe;
    expect(containerRules(objects)).toEqual([
      'Deployment/agencies container agencies: no livenessProbe',
      'Deployment/agencies container agencies: no readinessProbe',
    ]);
  });
  it('a container without limits, or that may write its root filesystem or run as root', () => {
    const objects = fresh();
    const [container] = find(objects, 'Job', 'identity-migrate').spec.template.spec.containers;
    delete container.resources.limits;
    container.securityContext.readOnlyRootFilesystem = false;
    delete container.securityContext.runAsNonRoot;
    delete find(objects, 'Job', 'identity-migrate').spec.template.spec.securityContext.runAsNonRoot;
    expect(containerRules(objects)).toEqual([
      'Job/identity-migrate container migrate: no cpu and memory limits',
      'Job/identity-migrate container migrate: may run as root',
      'Job/identity-migrate container migrate: root filesystem is writable',
    ]);
  });
  it('a subgraph without its NetworkPolicy, or one that admits more than the gateway', () => {
    const objects = fresh().filter(
      (o) => !(o.kind === 'NetworkPolicy' && o.metadata.name === 'catalogue-from-gateway'),
    );
    find(objects, 'NetworkPolicy', 'identity-from-gateway').spec.ingress[0].from.push({
      namespaceSelector: {},
    });
    expect(networkRules(objects, SERVICES)).toEqual([
      'catalogue: no NetworkPolicy admitting only the gateway',
      'identity: NetworkPolicy identity-from-gateway admits more than the gateway',
    ]);
  });
  it('a subgraph in platform.json without manifests (as a new one would be)', () => {
    const services = [...SERVICES, { name: 'assessment-next', kind: 'subgraph' as const }];
    const problems = allRules(fresh(), services).filter((p) => p.startsWith('assessment-next'));
    expect(problems).toEqual([
      'assessment-next: no Deployment (add deploy/base/assessment-next.yaml to deploy/base/kustomization.yaml)',
      'assessment-next: no Service (add deploy/base/assessment-next.yaml to deploy/base/kustomization.yaml)',
      'assessment-next: no PodDisruptionBudget (add deploy/base/assessment-next.yaml to deploy/base/kustomization.yaml)',
      'assessment-next: no ConfigMap (add deploy/base/assessment-next.yaml to deploy/base/kustomization.yaml)',
      'assessment-next: no migration Job assessment-next-migrate',
      'assessment-next: no NetworkPolicy admitting only the gateway',
    ]);
  });
  it('a subgraph that migrates on start, or shares another’s database Secret, or is killed before it drains', () => {
    const objects = fresh();
    find(objects, 'ConfigMap', 'agencies-config').data.MIGRATE_ON_START = 'true';
    const env = find(objects, 'Deployment', 'catalogue').spec.template.spec.containers[0].env;
    env.find((e: any) => e.name === 'DATABASE_URL').valueFrom.secretKeyRef.name = 'agencies-database';
    find(objects, 'Deployment', 'identity').spec.template.spec.terminationGracePeriodSeconds = 12;
    expect(serviceRules(objects, SERVICES)).toEqual([
      'catalogue: DATABASE_URL must come from its own Secret catalogue-database',
      'agencies: MIGRATE_ON_START must be "false" (the migration Job migrates)',
      'identity: terminationGracePeriodSeconds 12 must exceed drain 5 + grace 10',
    ]);
  });
});
