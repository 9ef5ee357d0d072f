import { AUTH_DIRECTIVES, FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './common.js';
import './region.js';
import './institution.js';
import './agency.js';
import './violation.js';
import './filing.js';
import './coverage.js';
import './assessor.js';
import './policy.js';

export const schema = builder.toSubGraphSchema({
  linkUrl: FEDERATION_LINK,
  federationDirectives: ['@key', '@shareable', '@extends', '@external', ...AUTH_DIRECTIVES],
});
