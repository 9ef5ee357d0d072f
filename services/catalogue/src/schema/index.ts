import { AUTH_DIRECTIVES, FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './enums.js';
import './occupation.js';
import './major.js';
import './special-ability.js';
import './catalogue-import.js';

export const schema = builder.toSubGraphSchema({
  linkUrl: FEDERATION_LINK,
  federationDirectives: ['@key', '@shareable', ...AUTH_DIRECTIVES],
});
