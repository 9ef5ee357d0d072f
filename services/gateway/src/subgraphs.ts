// The subgraphs behind the gateway. Adding a subgraph = one entry here (+ the package as a devDependency, so
// turbo builds it first and its printed SDL can be resolved).
export interface SubgraphEntry {
  name: string;
  /** workspace package that builds `subgraph.graphql` */
  package: string;
  /** environment variable with the subgraph's URL at run time */
  urlEnv: string;
  defaultUrl: string;
  /** what users are told is unavailable when it is down (SERVICE_UNAVAILABLE) */
  title: string;
}

export const SUBGRAPHS: readonly SubgraphEntry[] = [
  {
    name: 'catalogue',
    title: '职业目录服务',
    package: '@skills/catalogue',
    urlEnv: 'CATALOGUE_URL',
    defaultUrl: 'http://127.0.0.1:4001/graphql',
  },
  {
    name: 'agencies',
    title: '评价机构服务',
    package: '@skills/agencies',
    urlEnv: 'AGENCIES_URL',
    defaultUrl: 'http://127.0.0.1:4002/graphql',
  },
  {
    name: 'identity',
    title: '身份认证服务',
    package: '@skills/identity',
    urlEnv: 'IDENTITY_URL',
    defaultUrl: 'http://127.0.0.1:4005/graphql',
  },
];
