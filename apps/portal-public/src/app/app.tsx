// The module this portal exposes (./App): its routes, mounted by the shell under a base path.
import type { PortalAppProps } from '@skills/federation';
import { GraphqlProvider } from '@skills/graphql-client';
import { BasePathProvider, PortalNav, registerReactInstance } from '@skills/ui-kit';
import React from 'react';
import { Route, Routes } from 'react-router';
import { AgencyDirectoryPage } from '../features/agencies/components/agency-directory-page';
import { ComplaintPage } from '../features/complaints/components/complaint-page';
import { OccupationDetailPage } from '../features/occupations/components/occupation-detail-page';
import { OccupationSearchPage } from '../features/occupations/components/occupation-search-page';
import { VerifyCertificatePage } from '../features/verification/components/verify-certificate-page';
import { NotFoundPage } from './not-found-page';

registerReactInstance(React, 'portal_public');

const NAV = [
  { path: '', label: '职业（工种）目录' },
  { path: 'agencies', label: '评价机构名录' },
  { path: 'verify', label: '证书查询' },
];

export default function PublicPortalApp({ basePath, title = '公众服务' }: PortalAppProps) {
  return (
    <BasePathProvider basePath={basePath} portalTitle={title}>
      <GraphqlProvider>
        <PortalNav label="公众服务功能" items={NAV} />
        <Routes>
          <Route index element={<OccupationSearchPage />} />
          <Route path="occupations/:code" element={<OccupationDetailPage />} />
          <Route path="agencies" element={<AgencyDirectoryPage />} />
          <Route path="agencies/:agencyId/complaint" element={<ComplaintPage />} />
          {/* the certificate PDF's QR code links here: verify?number=… */}
          <Route path="verify" element={<VerifyCertificatePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </GraphqlProvider>
    </BasePathProvider>
  );
}
