import { useLazyQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const VerifyCertificateQuery = graphql(`
  query VerifyCertificate($number: String!, $name: String, $idNumber: String) {
    verifyCertificate(number: $number, name: $name, idNumber: $idNumber) {
      number
      kindName
      holderName
      idNumber
      occupationCode
      occupation {
        name
      }
      specialAbilityProject {
        name
      }
      level
      issuerName
      issuedOn
      status
      revokedOn
    }
  }
`);

/**
 * 证书查询（无需登录）. Never cached: a revocation must show at once, and a wrong name must not leave a
 * holder's answer in the page's cache.
 */
export const useVerifyCertificate = () => useLazyQuery(VerifyCertificateQuery, { fetchPolicy: 'no-cache' });
