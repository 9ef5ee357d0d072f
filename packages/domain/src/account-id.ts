// 账号标识: identity's Account.id is a UUID. Other subgraphs keep it as the actor of what they record (办理人)
// and hand it to the graph as an Actor reference, so they need to know what one looks like. The demo accounts
// have fixed ids, so the demo data of two services agree without either importing the other.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether an actor id can be an identity account (a UUID), as opposed to a system actor such as 'demo-seed'. */
export const isAccountId = (id: string | null | undefined): id is string =>
  typeof id === 'string' && UUID.test(id);

/** Fixed ids of the demo accounts (演示账号), by username. Demo only: never assume them in production data. */
export const DEMO_ACCOUNT_IDS = {
  'province.hr': 'aa270f8b-850b-44b8-8556-082da366482c',
  'province.edu': '994636db-6101-441b-b068-f3d215a409f5',
  'quanzhou.hr': 'c1de53f3-5d26-41a5-89d5-22e82d8f37c7',
  'quanzhou.edu': '2f864e6a-7426-4ede-86f1-398c76faa5c3',
  'jinjiang.hr': '13ee54b5-2470-4771-ab5c-26b92bb4a43e',
  'nanan.hr': '5f25c7d6-e28c-4c7f-bbf8-244e79f7dd53',
  'shishi.hr': '1efcd33f-f744-4069-9914-5bd48bfc241a',
  'haiyang.admin': 'edbdc958-16b7-45f8-ba14-5b3cd41bb4ac',
  'dehua.admin': '7866e551-0f87-4421-b174-f767d72bc7e7',
  'liming.admin': '4807d543-ba3e-4568-a281-e8aca2d049e3',
  'liming.agency': '9c9c1e5d-ccc8-43aa-941d-939312ec80b9',
  'liming.assessor': '8701c2b3-68f2-4195-bc4c-b7f45839acce',
  'quanzhou.supervisor': 'c9f95249-0c42-47a0-ae49-b85de7749819',
  'candidate.demo': 'bea441dd-2258-438c-9719-ddd8923da74b',
  'partner.demo': '9ab513b8-2d76-4b71-9c43-eb438e9fac87',
} as const;

export type DemoUsername = keyof typeof DEMO_ACCOUNT_IDS;

/** The fixed id of a demo account; throws for a username that is not a demo account. */
export function demoAccountId(username: string): string {
  if (!Object.hasOwn(DEMO_ACCOUNT_IDS, username)) throw new RangeError(`unknown demo account: ${username}`);
  return DEMO_ACCOUNT_IDS[username as DemoUsername];
}
