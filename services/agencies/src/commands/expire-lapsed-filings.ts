// 到期: agencies past their filing period become EXPIRED (run at start and hourly by the service); each gets a
// history event from the system.
import type { PrismaClient } from '../db.js';

export async function expireLapsedFilings(prisma: PrismaClient, now = new Date()): Promise<number> {
  const lapsed = await prisma.agency.findMany({
    where: { status: 'FILED', validUntil: { lt: now } },
    select: { id: true },
  });
  for (const a of lapsed) {
    await prisma.$transaction(async (tx) => {
      const moved = await tx.agency.updateMany({
        where: { id: a.id, status: 'FILED' },
        data: { status: 'EXPIRED' },
      });
      if (moved.count) {
        await tx.agencyEvent.create({
          data: {
            agencyId: a.id,
            type: 'AGENCY_EXPIRED',
            fromStatus: 'FILED',
            toStatus: 'EXPIRED',
            actorId: 'system',
            reason: '备案有效期届满',
          },
        });
      }
    });
  }
  return lapsed.length;
}
