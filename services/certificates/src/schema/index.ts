import { AUTH_DIRECTIVES, FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './common.js';
import './refs.js';
import './certificate.js';
import './issuance.js';
import './revocation.js';
import './verification.js';

export const schema = builder.toSubGraphSchema({
  linkUrl: FEDERATION_LINK,
  federationDirectives: ['@key', '@shareable', '@extends', '@external', ...AUTH_DIRECTIVES],
});
