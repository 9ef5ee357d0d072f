import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const FilingTasksQuery = graphql(`
  query CollegeFilingTasks {
    filingTasks {
      returnedForCorrection
    }
  }
`);

/** 待我办理：本校被退回补正、待重新提交的申请数 */
export function useFilingTasks() {
  const { data } = useQuery(FilingTasksQuery, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  return data?.filingTasks.returnedForCorrection;
}
