import { useLazyQuery } from '@skills/graphql-client';
import { graphql } from '../../../generated';

export const ImportTemplateQuery = graphql(`
  query ImportTemplate($kind: ImportKind!, $format: ImportFileFormat!) {
    importTemplate(kind: $kind, format: $format) {
      fileName
      contentType
      contentBase64
    }
  }
`);

/** 导入模板（学生名单或成绩；xlsx 或 csv） */
export const useImportTemplate = () => useLazyQuery(ImportTemplateQuery, { fetchPolicy: 'network-only' });
