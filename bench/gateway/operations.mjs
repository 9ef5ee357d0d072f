// The operations the gateway benchmark drives. Each is one GraphQL document sent with variables (as portals and
// partners send it); `vary(i)` gives the variables of the i-th request in the varied mode, so consecutive requests
// differ and neither de-duplication nor a response cache can answer everything from one entry.

/** Quanzhou counties the synthetic agencies are spread over (services/agencies/src/demo.ts BULK_COUNTIES). */
const COUNTIES = ['350502', '350503', '350504', '350505', '350521', '350524', '350525', '350526', '350581', '350582', '350583'];

/**
 * @param {{ occupationCodes: string[], agencies: number }} data what the seeded platform holds
 */
export function operations({ occupationCodes, agencies }) {
  return [
    {
      name: 'one-subgraph lookup',
      query: 'query Occupation($code: String!) { occupation(code: $code) { code name levels standard } }',
      same: { code: '6-31-01-03' },
      vary: (i) => ({ code: occupationCodes[i % occupationCodes.length] }),
      direct: 'catalogue',
      public: true,
    },
    {
      name: 'two-subgraph join',
      query: 'query Agency($id: ID!) { agency(id: $id) { name filingNumber scope { levels occupation { code name } } } }',
      same: { id: 'bulk-1' },
      vary: (i) => ({ id: `bulk-${(i % agencies) + 1}` }),
      public: true,
    },
    {
      name: 'list of 100 joined (2 subgraphs)',
      query:
        'query Directory($region: String) { publicAgencies(first: 100, regionCode: $region) { edges { node { name regionCode institution { name } scope { occupation { name } } } } } }',
      same: { region: null },
      vary: (i) => ({ region: COUNTIES[i % COUNTIES.length] }),
      public: true,
    },
    {
      name: 'list joined across 3 subgraphs',
      query:
        'query Register($region: String) { agencies(regionCode: $region, first: 200) { edges { node { name filingNumber scope { occupation { name } } events { typeName actor { displayName } } } } } }',
      same: { region: '350582' },
      vary: (i) => ({ region: COUNTIES[i % COUNTIES.length] }),
      auth: true,
      needs: 'actor',
    },
    {
      name: 'authenticated',
      query: 'query Me { me { username roles { role regionName } } }',
      same: {},
      vary: () => ({}),
      auth: true,
      direct: 'identity',
      // varied: a different signed-in user per request (see run.mjs)
      variedUsers: true,
    },
  ];
}
