// 违规移送 to agencies from the Inspection rows still PENDING (the outbox): right after an inspection is recorded,
// and then periodically (once per interval across replicas) until agencies has recorded each one. agencies records a
// violation once per source ("inspection:<id>"), so a delivery repeated after a lost answer is harmless.
import type { Logger } from '@skills/service-kit';
import type { AgencyDirectory } from '../agencies-client.js';
import type { PrismaClient } from '../db.js';
import type { Inspection } from '../generated/prisma/client.js';
import { PLAN_KIND_NAMES } from '../domain/names.js';

/** Delivers one PENDING inspection's violation; returns the row as it is now (DELIVERED, or still PENDING). */
export async function deliverViolation(
  prisma: PrismaClient,
  agencies: AgencyDirectory,
  inspection: Inspection,
  log?: Logger,
): Promise<Inspection> {
  if (inspection.violationStatus !== 'PENDING') return inspection;
  const plan = await prisma.assessmentPlan.findUniqueOrThrow({ where: { id: inspection.planId } });
  const where = `评价计划 ${plan.number}（${plan.title}，${PLAN_KIND_NAMES[plan.kind]}）`;
  const description = inspection.actualOperator
    ? `${where}由“${inspection.actualOperator}”实际组织实施（转包、外包）。${inspection.findings}`
    : `${where}：${inspection.findings}`;
  try {
    const violationId = await agencies.reportViolation({
      agencyId: inspection.agencyId,
      type: inspection.violationType!,
      severity: inspection.severity!,
      description: description.slice(0, 2000),
      deadline: inspection.deadline!,
      source: `inspection:${inspection.id}`,
      foundBy: inspection.recordedBy,
    });
    return await prisma.inspection.update({
      where: { id: inspection.id },
      data: {
        violationStatus: 'DELIVERED',
        violationId,
        deliveryAttempts: { increment: 1 },
        lastDeliveryError: null,
      },
    });
  } catch (e) {
    const reason = (e as { refusal?: string }).refusal ?? (e instanceof Error ? e.message : String(e));
    log?.warn({ inspection: inspection.id, reason }, 'violation not delivered to agencies yet; will retry');
    return prisma.inspection.update({
      where: { id: inspection.id },
      data: { deliveryAttempts: { increment: 1 }, lastDeliveryError: reason.slice(0, 500) },
    });
  }
}

/** The periodic delivery: every PENDING inspection, oldest first (bounded per run). */
export async function deliverPendingViolations(
  prisma: PrismaClient,
  agencies: AgencyDirectory,
  log: Logger,
): Promise<{ delivered: number; pending: number }> {
  const pending = await prisma.inspection.findMany({
    where: { violationStatus: 'PENDING' },
    orderBy: { recordedAt: 'asc' },
    take: 100,
  });
  let delivered = 0;
  for (const i of pending)
    if ((await deliverViolation(prisma, agencies, i, log)).violationStatus === 'DELIVERED') delivered++;
  if (pending.length)
    log.info({ delivered, pending: pending.length - delivered }, 'violations delivered to agencies');
  return { delivered, pending: pending.length - delivered };
}
