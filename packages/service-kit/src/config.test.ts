import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './config.js';

const schema = baseConfigSchema.extend({ PORT: z.coerce.number().int().default(4001) });

describe('loadConfig', () => {
  it('applies defaults and coerces values', () => {
    const c = loadConfig(schema, { PORT: '4100', DATABASE_URL: '', CLAIMS_SECRET: 'x'.repeat(32) });
    expect(c).toMatchObject({ PORT: 4100, HOST: '127.0.0.1', NODE_ENV: 'development', DATA_DIR: '.data' });
    expect(c.DATABASE_URL).toBeUndefined(); // empty means unset: the embedded default
  });
  it('lists every invalid setting', () => {
    expect(() => loadConfig(schema, { PORT: 'abc', NODE_ENV: 'staging' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { PORT: 'abc', NODE_ENV: 'staging', DATABASE_URL: 'not a url' });
    } catch (e) {
      expect((e as Error).message).toMatch(/PORT/);
      expect((e as Error).message).toMatch(/NODE_ENV/);
      expect((e as Error).message).toMatch(/DATABASE_URL/);
    }
  });
  it('refuses to start without CLAIMS_SECRET: a subgraph serves only signed requests', () => {
    expect(() => loadConfig(schema, {})).toThrow(/CLAIMS_SECRET is required/);
    expect(() => loadConfig(schema, { CLAIMS_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
