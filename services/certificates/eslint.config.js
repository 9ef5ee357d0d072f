export { default } from '@skills/eslint-config';
