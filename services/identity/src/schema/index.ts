import { FEDERATION_LINK } from '@skills/service-kit';
import { builder } from '../builder.js';
import './account.js';
import './session.js';

export const schema = builder.toSubGraphSchema({ linkUrl: FEDERATION_LINK, federationDirectives: ['@key', '@shareable'] });
