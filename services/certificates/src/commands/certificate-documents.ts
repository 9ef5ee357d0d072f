// Who may download a certificate's PDF and verifiable credential, and the certificate they are made from: the
// holder, and the issuer — the college of the issuing agency (职业技能等级证书) or the HR bureaus of the region (专项,
// which they issue; and any certificate of their region, as they revoke them). Others get NOT_FOUND, as for a
// number that does not exist.
import { BUREAU_HR, COLLEGE_SIDE } from '../access-scope.js';
import { principalCan } from '@skills/service-kit';
import type { Context } from '../context.js';
import { notFound } from './support.js';

export async function downloadableCertificate(ctx: Context, number: string) {
  const c = await ctx.prisma.certificate.findUnique({ where: { number }, include: { issuer: true } });
  if (!c) throw notFound();
  const p = ctx.principal;
  const holder = !!c.holderAccountId && p.kind === 'user' && c.holderAccountId === p.id;
  const issuerSide =
    (c.issuer.kind === 'AGENCY' &&
      !!c.institutionCode &&
      principalCan(p, COLLEGE_SIDE, { orgCode: c.institutionCode })) ||
    principalCan(p, BUREAU_HR, { regionCode: c.regionCode });
  if (!holder && !issuerSide) throw notFound();
  return c;
}
