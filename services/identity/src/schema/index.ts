import { AUTH_DIRECTIVES, FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './account.js';
import './session.js';
import './api-key.js';
import './actor.js';

export const schema = builder.toSubGraphSchema({
  linkUrl: FEDERATION_LINK,
  federationDirectives: ['@key', '@shareable', ...AUTH_DIRECTIVES],
});
