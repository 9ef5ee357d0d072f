import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ImportScoresMutation = graphql(`
  mutation ImportScores($planId: ID!, $file: ImportFileInput!, $reason: String!) {
    importScores(planId: $planId, file: $file, reason: $reason) {
      rows
      changed
    }
  }
`);

export const PublishResultsMutation = graphql(`
  mutation PublishResults($planId: ID!) {
    publishResults(planId: $planId) {
      id
      status
      publicationEndsAt
    }
  }
`);

export const FinalizeResultsMutation = graphql(`
  mutation FinalizeResults($planId: ID!) {
    finalizeResults(planId: $planId) {
      finalized
      heldBack
      plan {
        id
        status
      }
    }
  }
`);

const refetchQueries = ['MyAssessmentPlans'];

/** 导入成绩（整份文件校验，有误则全部不导入并列出错误行） */
export const useImportScores = () => useMutation(ImportScoresMutation, { refetchQueries });
/** 公示成绩 */
export const usePublishResults = () => useMutation(PublishResultsMutation, { refetchQueries });
/** 公示期满后确认最终结果 */
export const useFinalizeResults = () => useMutation(FinalizeResultsMutation, { refetchQueries });
