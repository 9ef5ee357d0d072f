import { useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const FilingTasksQuery = graphql(`
  query BureauFilingTasks {
    filingTasks {
      awaitingCountyOpinion
      awaitingDecision
    }
  }
`);

/** 待我办理：本账号待提出审核意见、待作出备案决定的申请数（办理后随列表刷新） */
export function useFilingTasks() {
  const { data } = useQuery(FilingTasksQuery, { fetchPolicy: 'cache-and-network', pollInterval: 60_000 });
  return data ? data.filingTasks.awaitingCountyOpinion + data.filingTasks.awaitingDecision : undefined;
}
