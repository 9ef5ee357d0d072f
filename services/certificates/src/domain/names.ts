// 中文名称 of this service's enums (every value has one; the GraphQL enums are described by them).
import type {
  CertificateEventType,
  CertificateKind,
  CertificateStatus,
  IssuerKind,
  RevocationStatus,
} from '../generated/prisma/enums.js';

export const CERTIFICATE_KIND_NAMES: Record<CertificateKind, string> = {
  VOCATIONAL_QUALIFICATION: '职业资格证书',
  SKILL_LEVEL: '职业技能等级证书',
  SPECIAL_ABILITY: '专项职业能力证书',
};

export const CERTIFICATE_STATUS_NAMES: Record<CertificateStatus, string> = {
  VALID: '有效',
  REVOKED: '已撤销',
};

export const ISSUER_KIND_NAMES: Record<IssuerKind, string> = {
  AGENCY: '评价机构',
  HR_BUREAU: '人力资源社会保障部门',
  NAMED_DEPARTMENT: '《国家职业资格目录清单》所列实施部门',
};

export const REVOCATION_STATUS_NAMES: Record<RevocationStatus, string> = {
  PENDING: '待审核',
  APPROVED: '已批准',
  REJECTED: '已驳回',
};

export const CERTIFICATE_EVENT_NAMES: Record<CertificateEventType, string> = {
  ISSUED: '颁发',
  REVOCATION_REQUESTED: '申请撤销',
  REVOCATION_REJECTED: '驳回撤销申请',
  REVOKED: '撤销',
};
