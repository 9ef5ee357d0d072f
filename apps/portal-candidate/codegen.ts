import { portalCodegenConfig } from '@skills/graphql-client/codegen';

export default portalCodegenConfig();
