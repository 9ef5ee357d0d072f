#!/usr/bin/env node
// Offline check of a downloaded certificate credential: node bin/verify-credential.mjs <credential.jwt> <jwks.json>
// [<status-list.jwt>]. Needs only the files: the signature against the published keys, the facts, and — given the
// issuer's status list credential — whether it is revoked. Exit code 0 valid, 1 revoked, 2 invalid.
import { readFile } from 'node:fs/promises';
import { isRevoked, verifyCredential } from '../dist/index.js';

const [credentialPath, jwksPath, statusPath] = process.argv.slice(2);
if (!credentialPath || !jwksPath) {
  console.error('usage: verify-credential <credential.jwt> <jwks.json> [<status-list.jwt>]');
  process.exit(2);
}
const jws = (await readFile(credentialPath, 'utf8')).trim();
const jwks = JSON.parse(await readFile(jwksPath, 'utf8'));
try {
  const { facts, kid } = await verifyCredential(jws, jwks);
  console.log(`签名有效（${kid}）`);
  console.log(JSON.stringify(facts, null, 2));
  if (statusPath) {
    const revoked = await isRevoked(jws, (await readFile(statusPath, 'utf8')).trim(), jwks);
    console.log(revoked ? '证书状态：已撤销' : '证书状态：有效');
    process.exit(revoked ? 1 : 0);
  } else {
    console.log('证书状态：未检查（未提供状态列表）');
  }
} catch (e) {
  console.error(`验证失败：${e.code ?? ''} ${e.message}`);
  process.exit(2);
}
