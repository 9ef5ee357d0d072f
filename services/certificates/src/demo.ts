// 演示数据: certificates come only from final results (assessment) through issueCertificates, and the assessment
// demo has none — its plans (黎明职业大学, 2027-01-15) are open for registration, with no scores, 公示 or final
// results. Inventing certificate rows here would show numbers no result backs, so the demo has no certificates
// until a demo run issues some (portal-institution: 确认最终结果 → 颁发证书). This only says so.
import type { PrismaClient } from './db.js';

export async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  void prisma;
  return false;
}
