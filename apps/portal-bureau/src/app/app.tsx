// The module this portal exposes (./App): its routes, mounted by the shell under a base path.
import type { PortalAppProps } from '@skills/federation';
import { GraphqlProvider } from '@skills/graphql-client';
import { BasePathProvider, PortalNav, registerReactInstance, type PortalNavItem } from '@skills/ui-kit';
import React from 'react';
import { Route, Routes } from 'react-router';
import { AgencyDetailPage } from '../features/agency-register/components/agency-detail-page';
import { AgencyRegisterPage } from '../features/agency-register/components/agency-register-page';
import { SupervisionPage } from '../features/assessment-supervision/components/supervision-page';
import { CatalogueStatisticsPage } from '../features/catalogue-statistics/components/catalogue-statistics-page';
import { ComplaintsPage } from '../features/complaints/components/complaints-page';
import { ExpansionPolicyPage } from '../features/expansion-policy/components/expansion-policy-page';
import { CoveragePage } from '../features/filing-coverage/components/coverage-page';
import { ReviewQueuePage } from '../features/filing-review/components/review-queue-page';
import { useFilingTasks } from '../features/tasks/api/filing-tasks-query';
import { NotFoundPage } from './not-found-page';

registerReactInstance(React, 'portal_bureau');

const NAV: PortalNavItem[] = [
  { path: '', label: '备案审核' },
  { path: 'agencies', label: '机构名录与监督检查' },
  { path: 'assessment', label: '评价监管' },
  { path: 'coverage', label: '备案覆盖率' },
  { path: 'complaints', label: '社会监督投诉' },
  { path: 'expansion-policy', label: '增设评价数量' },
  { path: 'catalogue', label: '目录统计' },
];

export default function PortalApp({ basePath, title = '监管部门' }: PortalAppProps) {
  return (
    <BasePathProvider basePath={basePath} portalTitle={title}>
      <GraphqlProvider>
        <TaskNav label="监管部门功能" items={NAV} />
        <Routes>
          <Route index element={<ReviewQueuePage />} />
          <Route path="agencies" element={<AgencyRegisterPage />} />
          <Route path="agencies/:agencyId" element={<AgencyDetailPage />} />
          <Route path="assessment" element={<SupervisionPage />} />
          <Route path="coverage" element={<CoveragePage />} />
          <Route path="complaints" element={<ComplaintsPage />} />
          <Route path="expansion-policy" element={<ExpansionPolicyPage />} />
          <Route path="catalogue" element={<CatalogueStatisticsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </GraphqlProvider>
    </BasePathProvider>
  );
}

/** The portal's menu, with the count of what waits for this account on the first page (待我办理). */
function TaskNav({ label, items }: { label: string; items: readonly PortalNavItem[] }) {
  const waiting = useFilingTasks();
  return <PortalNav label={label} items={items.map((i) => (i.path === '' ? { ...i, count: waiting } : i))} />;
}
