// The module this portal exposes (./App): its routes, mounted by the shell under a base path.
import type { PortalAppProps } from '@skills/federation';
import { GraphqlProvider } from '@skills/graphql-client';
import { BasePathProvider, PortalNav, registerReactInstance } from '@skills/ui-kit';
import React from 'react';
import { Route, Routes } from 'react-router';
import { AssessmentPlansPage } from '../features/assessment-plans/components/assessment-plans-page';
import { AssessorsPage } from '../features/assessors/components/assessors-page';
import { ApplyPage } from '../features/filing/components/apply-page';
import { MyAgenciesPage } from '../features/filing/components/my-agencies-page';
import { ScopeChangePage } from '../features/filing/components/scope-change-page';
import { MajorMappingPage } from '../features/majors/components/major-mapping-page';
import { NotFoundPage } from './not-found-page';

registerReactInstance(React, 'portal_institution');

const NAV = [
  { path: '', label: '本校评价机构' },
  { path: 'apply', label: '申请备案' },
  { path: 'majors', label: '专业对接' },
  { path: 'plans', label: '评价计划' },
];

export default function PortalApp({ basePath, title = '院校与评价机构' }: PortalAppProps) {
  return (
    <BasePathProvider basePath={basePath} portalTitle={title}>
      <GraphqlProvider>
        <PortalNav label="院校与评价机构功能" items={NAV} />
        <Routes>
          <Route index element={<MyAgenciesPage />} />
          <Route path="apply" element={<ApplyPage />} />
          <Route path="agencies/:agencyId/expand" element={<ScopeChangePage />} />
          <Route path="agencies/:agencyId/assessors" element={<AssessorsPage />} />
          <Route path="majors" element={<MajorMappingPage />} />
          <Route path="plans" element={<AssessmentPlansPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </GraphqlProvider>
    </BasePathProvider>
  );
}
