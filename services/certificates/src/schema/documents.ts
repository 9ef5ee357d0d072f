import { access, badInput, typed } from '@skills/service-kit';
import type { z } from 'zod';
import { builder } from '../builder.js';
import {
  makeCredential,
  makeCredentialInput,
  type CertificateCredential,
} from '../commands/make-credential.js';
import {
  printCertificate,
  printCertificateInput,
  type PrintedCertificate,
} from '../commands/print-certificate.js';

/** 证书文件 */
const CertificateFile = builder.objectRef<PrintedCertificate>('CertificateFile').implement({
  description: '证书 PDF（Base64 编码）',
  fields: (t) => ({
    fileName: t.exposeString('fileName'),
    contentType: t.exposeString('contentType'),
    base64: t.exposeString('base64'),
  }),
});

/** 可验证电子证书 */
const CertificateCredentialRef = builder.objectRef<CertificateCredential>('CertificateCredential').implement({
  description: '可验证电子证书：W3C 可验证凭证 2.0（Open Badges 3.0），发证机构以 Ed25519 签名（vc+jwt）',
  fields: (t) => ({
    number: t.exposeString('number'),
    jws: t.exposeString('jws', { description: '紧凑 JWS（application/vc+jwt）' }),
    mediaType: t.exposeString('mediaType'),
    fileName: t.exposeString('fileName'),
    jwksUrl: t.exposeString('jwksUrl', { description: '验证签名所用的公开密钥集（JWKS）' }),
    statusListCredential: t.exposeString('statusListCredential', {
      description: '撤销状态列表（Bitstring Status List）',
    }),
  }),
});

/**
 * The input checked in the resolver, after the field's access rule: a caller who may not download learns
 * UNAUTHENTICATED before anything about the number's shape (the authorization matrix's order).
 */
function validated<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const r = schema.safeParse(args);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw badInput(String(issue.path[0] ?? 'number'), issue.message);
  }
  return r.data;
}

builder.queryFields((t) => ({
  certificatePdf: t.field({
    type: CertificateFile,
    description: '证书 PDF（含查验二维码）：持证人本人与发证方',
    ...access.authenticated(),
    args: { number: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => typed(() => printCertificate(ctx, validated(printCertificateInput, args))),
  }),
  certificateCredential: t.field({
    type: CertificateCredentialRef,
    description: '可验证电子证书（离线可验：公开密钥集 + 撤销状态列表）：持证人本人与发证方',
    ...access.authenticated(),
    args: { number: t.arg.string({ required: true }) },
    resolve: (_r, args, ctx) => typed(() => makeCredential(ctx, validated(makeCredentialInput, args))),
  }),
}));
