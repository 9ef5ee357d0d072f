import { useMutation } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const RegisterForPlanMutation = graphql(`
  mutation RegisterForPlan($planId: ID!) {
    registerForPlan(planId: $planId) {
      id
      status
    }
  }
`);

/** 本人报名（不符合报名条件时，错误信息说明所依据的条件） */
export function useRegisterForPlan() {
  return useMutation(RegisterForPlanMutation, { refetchQueries: ['MyRegistrations', 'OpenAssessmentPlans'] });
}
