import { Card, Descriptions, Grid, List, Table } from 'antd';
import type { ColumnType, TableProps } from 'antd/es/table';
import type { Key, ReactNode } from 'react';
import { EmptyText } from './states';

export interface ResponsiveTableProps<T extends object> extends Omit<
  TableProps<T>,
  'columns' | 'locale' | 'rowKey'
> {
  columns: ColumnType<T>[];
  rowKey: keyof T & string;
  /** the card's title on small screens (the row's name, usually a link) */
  cardTitle: (row: T) => ReactNode;
  /** columns not repeated in the card body (already in its title) */
  cardOmit?: string[];
  /** shown when there are no rows, in body-text contrast */
  emptyText: ReactNode;
}

/** Whether the screen is narrower than antd's md breakpoint (768 px): phones. */
export function useSmallScreen(): boolean {
  // before antd has measured the screen, `md` is undefined: assume a wide one
  return Grid.useBreakpoint().md === false;
}

function cell<T extends object>(column: ColumnType<T>, row: T, index: number): ReactNode {
  const path = column.dataIndex;
  const value =
    typeof path === 'string' || typeof path === 'number'
      ? (row as Record<string | number, unknown>)[path]
      : undefined;
  if (column.render) return column.render(value, row, index) as ReactNode;
  return value === null || value === undefined ? '—' : (value as ReactNode);
}

/**
 * A list that is a table on wide screens and a column of cards below md, so a phone never scrolls sideways and
 * no column is squeezed to one character a line. The cards repeat the columns as label–value pairs.
 */
export function ResponsiveTable<T extends object>({
  columns,
  rowKey,
  cardTitle,
  cardOmit = [],
  emptyText,
  dataSource,
  loading,
  ...table
}: ResponsiveTableProps<T>) {
  const small = useSmallScreen();
  const empty = <EmptyText>{emptyText}</EmptyText>;
  if (!small)
    return (
      <Table<T>
        {...table}
        rowKey={rowKey}
        columns={columns}
        dataSource={dataSource}
        loading={loading}
        locale={{ emptyText: empty }}
      />
    );
  const body = columns.filter((c) => !cardOmit.includes(String(c.key ?? c.dataIndex)));
  return (
    <List<T>
      dataSource={dataSource ? [...dataSource] : []}
      loading={Boolean(loading)}
      locale={{ emptyText: empty }}
      split={false}
      rowKey={(row) => row[rowKey] as Key}
      renderItem={(row, index) => (
        <List.Item style={{ padding: '0 0 12px' }}>
          <Card
            size="small"
            title={cardTitle(row)}
            style={{ width: '100%' }}
            // long names wrap instead of being cut off
            styles={{ title: { whiteSpace: 'normal' } }}
          >
            <Descriptions
              size="small"
              column={1}
              items={body.map((c, i) => ({
                key: String(c.key ?? c.dataIndex ?? i),
                label: c.title as ReactNode,
                children: cell(c, row, index),
              }))}
            />
          </Card>
        </List.Item>
      )}
    />
  );
}
