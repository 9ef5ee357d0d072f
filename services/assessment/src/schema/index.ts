import { AUTH_DIRECTIVES, FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './common.js';
import './plan.js';
import './candidate.js';
import './registration.js';
import './score.js';
import './result.js';
import './import.js';
import './agency.js';
import './inspection.js';

export const schema = builder.toSubGraphSchema({
  linkUrl: FEDERATION_LINK,
  federationDirectives: ['@key', '@shareable', '@extends', '@external', ...AUTH_DIRECTIVES],
});
