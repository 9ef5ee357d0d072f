// Manifests are arbitrary JSON until the Kubernetes schemas have checked them (test/manifests.test.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type K8sObject = Record<string, any> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
};
export function strategicMerge<T>(base: T, patch: unknown): T;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function containersOf(obj: K8sObject): Record<string, any>[];
export function render(dir: string): K8sObject[];
