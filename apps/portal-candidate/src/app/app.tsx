// The module this portal exposes (./App): its routes, mounted by the shell under a base path.
import type { PortalAppProps } from '@skills/federation';
import { GraphqlProvider } from '@skills/graphql-client';
import { BasePathProvider, PortalNav, registerReactInstance } from '@skills/ui-kit';
import React from 'react';
import { Route, Routes } from 'react-router';
import { AssessmentPlansPage } from '../features/assessment-plans/components/assessment-plans-page';
import { SpecialAbilityProjectsPage } from '../features/special-abilities/components/special-ability-projects-page';
import { NotFoundPage } from './not-found-page';

registerReactInstance(React, 'portal_candidate');

const NAV = [
  { path: '', label: '专项职业能力考核项目' },
  { path: 'plans', label: '评价计划报名' },
];

export default function PortalApp({ basePath, title = '考生服务' }: PortalAppProps) {
  return (
    <BasePathProvider basePath={basePath} portalTitle={title}>
      <GraphqlProvider>
        <PortalNav label="考生服务功能" items={NAV} />
        <Routes>
          <Route index element={<SpecialAbilityProjectsPage />} />
          <Route path="plans" element={<AssessmentPlansPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </GraphqlProvider>
    </BasePathProvider>
  );
}
