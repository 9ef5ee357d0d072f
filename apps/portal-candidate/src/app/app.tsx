// The module this portal exposes (./App): its routes, mounted by the shell under a base path.
import type { PortalAppProps } from '@skills/federation';
import { GraphqlProvider } from '@skills/graphql-client';
import { BasePathProvider, registerReactInstance } from '@skills/ui-kit';
import React from 'react';
import { Route, Routes } from 'react-router';
import { SpecialAbilityProjectsPage } from '../features/special-abilities/components/special-ability-projects-page';
import { NotFoundPage } from './not-found-page';

registerReactInstance(React, 'portal_candidate');

export default function PortalApp({ basePath, title = '考生服务' }: PortalAppProps) {
  return (
    <BasePathProvider basePath={basePath} portalTitle={title}>
      <GraphqlProvider>
        <Routes>
          <Route index element={<SpecialAbilityProjectsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </GraphqlProvider>
    </BasePathProvider>
  );
}
