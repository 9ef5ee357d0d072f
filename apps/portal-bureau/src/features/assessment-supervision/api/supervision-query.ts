import { useMutation, useQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const SupervisedPlansQuery = graphql(`
  query SupervisedPlans($status: [AssessmentPlanStatus!]) {
    assessmentPlans(status: $status, first: 200) {
      totalCount
      edges {
        node {
          id
          number
          title
          agencyName
          regionCode
          kind
          kindName
          level
          occupationCode
          occupation {
            name
          }
          assessmentDate
          status
          statusName
          registeredCount
          capacity
          resultSummary {
            finalized
            passed
            passRate
            openObjections
          }
          inspections {
            id
            violationType
          }
        }
      }
    }
  }
`);

/** 本地区的评价计划及其结果统计（人社、教育部门，质量督导员） */
export function useSupervisedPlans(status: string | null) {
  return useQuery(SupervisedPlansQuery, {
    variables: { status: status ? [status as never] : null },
    fetchPolicy: 'cache-and-network',
  });
}

export const InspectionsQuery = graphql(`
  query Inspections {
    inspections(first: 200) {
      totalCount
      edges {
        node {
          id
          findings
          actualOperator
          violationType
          severity
          deadline
          violationStatus
          recordedAs
          recordedAt
          plan {
            id
            number
            title
            agencyName
          }
        }
      }
    }
  }
`);

/** 本地区的督导检查记录 */
export function useInspections() {
  return useQuery(InspectionsQuery, { fetchPolicy: 'cache-and-network' });
}

export const RecordInspectionMutation = graphql(`
  mutation RecordInspection(
    $planId: ID!
    $findings: String!
    $actualOperator: String
    $violationType: InspectionViolationType
    $severity: ViolationSeverity
    $deadline: DateTime
    $requestKey: String
  ) {
    recordInspection(
      planId: $planId
      findings: $findings
      actualOperator: $actualOperator
      violationType: $violationType
      severity: $severity
      deadline: $deadline
      requestKey: $requestKey
    ) {
      id
      violationType
      violationStatus
    }
  }
`);

/** 记录督导检查（认定违规的移送评价机构服务） */
export function useRecordInspection() {
  return useMutation(RecordInspectionMutation, { refetchQueries: ['SupervisedPlans', 'Inspections'] });
}
