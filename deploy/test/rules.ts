/* eslint-disable @typescript-eslint/no-explicit-any -- rendered manifests are plain JSON, read field by field */
// Our rules for the rendered manifests, beyond the Kubernetes schemas: each returns the violations it finds (an
// empty list means the manifests keep it), so a test can also show that a broken manifest is caught.
import type { K8sObject } from '../render.mjs';
import { containersOf } from '../render.mjs';

export interface PlatformService {
  name: string;
  kind: 'subgraph' | 'gateway';
}

const WORKLOADS = new Set(['Deployment', 'Job', 'StatefulSet', 'DaemonSet']);
const named = (objects: K8sObject[], kind: string, name: string) =>
  objects.find((o) => o.kind === kind && o.metadata.name === name);
const podLabels = (o: K8sObject): Record<string, string> => o.spec?.template?.metadata?.labels ?? {};
const selects = (
  selector: { matchLabels?: Record<string, string> } | undefined,
  labels: Record<string, string>,
) =>
  !!selector?.matchLabels &&
  Object.keys(selector.matchLabels).length > 0 &&
  Object.entries(selector.matchLabels).every(([k, v]) => labels[k] === v);

/** Every container: limits, non-root, read-only root filesystem, no privilege escalation; a Deployment's: probes. */
export function containerRules(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const o of objects.filter((x) => WORKLOADS.has(x.kind))) {
    const pod = o.spec.template.spec;
    for (const c of containersOf(o)) {
      const at = `${o.kind}/${o.metadata.name} container ${c.name}`;
      if (o.kind === 'Deployment')
        for (const probe of ['livenessProbe', 'readinessProbe'])
          if (!c[probe]?.httpGet?.path) problems.push(`${at}: no ${probe}`);
      if (!c.resources?.limits?.cpu || !c.resources?.limits?.memory)
        problems.push(`${at}: no cpu and memory limits`);
      if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory) problems.push(`${at}: no requests`);
      const sc = c.securityContext ?? {};
      if ((sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true)
        problems.push(`${at}: may run as root`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${at}: root filesystem is writable`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${at}: allows privilege escalation`);
    }
  }
  return problems;
}

/** Each service of platform.json: Deployment, Service and PodDisruptionBudget; a subgraph its migration Job too. */
export function serviceRules(objects: K8sObject[], services: PlatformService[]): string[] {
  const problems: string[] = [];
  for (const s of services) {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'ConfigMap'])
      if (!named(objects, kind, kind === 'ConfigMap' ? `${s.name}-config` : s.name))
        problems.push(
          `${s.name}: no ${kind} (add deploy/base/${s.name}.yaml to deploy/base/kustomization.yaml)`,
        );
    const deployment = named(objects, 'Deployment', s.name);
    if (s.kind === 'subgraph') {
      const job = named(objects, 'Job', `${s.name}-migrate`);
      if (!job) problems.push(`${s.name}: no migration Job ${s.name}-migrate`);
      else if (!containersOf(job).some((c) => c.command?.join(' ') === 'node dist/migrate.js'))
        problems.push(`${s.name}: its migration Job does not run node dist/migrate.js`);
    }
    if (!deployment) continue;
    const config = named(objects, 'ConfigMap', `${s.name}-config`)?.data ?? {};
    if (s.kind === 'subgraph' && config.MIGRATE_ON_START !== 'false')
      problems.push(`${s.name}: MIGRATE_ON_START must be "false" (the migration Job migrates)`);
    const drain = Number(config.SHUTDOWN_DRAIN_SECONDS ?? NaN);
    const grace = Number(config.SHUTDOWN_GRACE_SECONDS ?? NaN);
    const kill = deployment.spec.template.spec.terminationGracePeriodSeconds ?? 30;
    if (!(drain >= 1 && grace >= 1 && kill > drain + grace))
      problems.push(
        `${s.name}: terminationGracePeriodSeconds ${kill} must exceed drain ${drain} + grace ${grace}`,
      );
    const env = containersOf(deployment).flatMap((c) => c.env ?? []);
    const fromSecret = (name: string) => env.find((e: any) => e.name === name)?.valueFrom?.secretKeyRef?.name;
    if (!fromSecret('CLAIMS_SECRET')) problems.push(`${s.name}: CLAIMS_SECRET must come from a Secret`);
    if (s.kind === 'subgraph' && fromSecret('DATABASE_URL') !== `${s.name}-database`)
      problems.push(`${s.name}: DATABASE_URL must come from its own Secret ${s.name}-database`);
    if (s.kind === 'gateway' && !fromSecret('REDIS_URL'))
      problems.push(`${s.name}: REDIS_URL must come from a Secret`);
  }
  const gateway = services.find((s) => s.kind === 'gateway');
  if (gateway) {
    const hpa = objects.find(
      (o) => o.kind === 'HorizontalPodAutoscaler' && o.spec.scaleTargetRef.name === gateway.name,
    );
    if (!hpa) problems.push(`${gateway.name}: no HorizontalPodAutoscaler`);
  }
  if (objects.some((o) => o.kind === 'Secret'))
    problems.push('Secrets do not belong in deploy/ (operators create them)');
  return problems;
}

/** Each subgraph's pods are selected by a NetworkPolicy whose every ingress rule admits only the gateway's pods. */
export function networkRules(objects: K8sObject[], services: PlatformService[]): string[] {
  const problems: string[] = [];
  const gateway = named(objects, 'Deployment', services.find((s) => s.kind === 'gateway')?.name ?? 'gateway');
  const gatewayLabels = gateway ? podLabels(gateway) : {};
  const policies = objects.filter((o) => o.kind === 'NetworkPolicy');
  for (const s of services.filter((x) => x.kind === 'subgraph')) {
    const deployment = named(objects, 'Deployment', s.name);
    const labels = deployment ? podLabels(deployment) : { 'app.kubernetes.io/name': s.name };
    const own = policies.filter(
      (p) => selects(p.spec.podSelector, labels) && (p.spec.policyTypes ?? ['Ingress']).includes('Ingress'),
    );
    if (own.length === 0) {
      problems.push(`${s.name}: no NetworkPolicy admitting only the gateway`);
      continue;
    }
    for (const p of own)
      for (const rule of p.spec.ingress ?? []) {
        const from = rule.from ?? [];
        const onlyGateway =
          from.length > 0 &&
          from.every(
            (peer: any) =>
              !peer.ipBlock && !peer.namespaceSelector && selects(peer.podSelector, gatewayLabels),
          );
        if (!onlyGateway)
          problems.push(`${s.name}: NetworkPolicy ${p.metadata.name} admits more than the gateway`);
      }
  }
  // a policy selecting every pod (podSelector {}) with an open rule would admit anything to the subgraphs too
  for (const p of policies)
    if (Object.keys(p.spec.podSelector ?? {}).length === 0 && (p.spec.ingress ?? []).length > 0)
      problems.push(`NetworkPolicy ${p.metadata.name} opens every pod of the namespace`);
  return problems;
}

/** The Ingress points at Services and ports that exist. */
export function ingressRules(objects: K8sObject[]): string[] {
  const problems: string[] = [];
  for (const ing of objects.filter((o) => o.kind === 'Ingress'))
    for (const rule of ing.spec.rules ?? [])
      for (const path of rule.http?.paths ?? []) {
        const { name, port } = path.backend.service;
        const svc = named(objects, 'Service', name);
        if (!svc || !svc.spec.ports.some((p: any) => p.name === port.name || p.port === port.number))
          problems.push(
            `Ingress ${ing.metadata.name} ${rule.host}: no Service ${name} port ${port.name ?? port.number}`,
          );
      }
  return problems;
}

export const allRules = (objects: K8sObject[], services: PlatformService[]) => [
  ...containerRules(objects),
  ...serviceRules(objects, services),
  ...networkRules(objects, services),
  ...ingressRules(objects),
];
