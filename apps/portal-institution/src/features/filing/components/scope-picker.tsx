import { graphqlErrorMessage } from '@skills/graphql-client';
import { skillLevelText, EmptyText } from '@skills/ui-kit';
import { Alert, Button, Checkbox, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useScopeOptions } from '../api/scope-options-query';
import type { ScopeDraftItem } from '../utils/scope';

/**
 * 备案范围选择：从目录检索职业（技能类）或专项职业能力考核项目，加入后勾选等级。
 * `special` switches the catalogue searched (考核鉴定机构 files 专项 projects).
 */
export function ScopePicker({
  special,
  value,
  onChange,
}: {
  special: boolean;
  value: ScopeDraftItem[];
  onChange: (items: ScopeDraftItem[]) => void;
}) {
  const [search, setSearch] = useState('');
  const { data, loading, error } = useScopeOptions(search, special);
  const options = special
    ? (data?.specialAbilityProjects?.edges.map((e) => ({
        code: e.node.code,
        name: e.node.name,
        levels: [] as string[],
      })) ?? [])
    : (data?.occupations?.edges.map((e) => ({
        code: e.node.code,
        name: e.node.name,
        levels: [...e.node.levels],
      })) ?? []);
  const chosen = new Set(value.map((v) => v.code));

  const add = (o: { code: string; name: string; levels: string[] }) =>
    onChange([...value, { code: o.code, name: o.name, special, available: o.levels, levels: [] }]);
  const update = (code: string, levels: string[]) =>
    onChange(value.map((v) => (v.code === code ? { ...v, levels } : v)));

  return (
    <Flex vertical gap={12}>
      <Input.Search
        aria-label={special ? '检索专项职业能力考核项目' : '检索职业（工种）'}
        placeholder={special ? '输入项目名称或编码，如 陶瓷' : '输入职业名称、拼音首字母或编码，如 电工'}
        enterButton="检索"
        allowClear
        loading={loading}
        onSearch={(v) => setSearch(v)}
      />
      {error ? <Alert type="error" title={graphqlErrorMessage(error)} /> : null}
      {search.trim() ? (
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          aria-label="检索结果"
          locale={{ emptyText: <EmptyText>{'没有匹配的条目'}</EmptyText> }}
          dataSource={options}
          columns={[
            { title: '编码', dataIndex: 'code', width: 140 },
            { title: '名称', dataIndex: 'name' },
            {
              title: '操作',
              key: 'add',
              width: 100,
              render: (_: unknown, o) => (
                <Button
                  size="small"
                  disabled={chosen.has(o.code)}
                  onClick={() => add(o)}
                  aria-label={`${chosen.has(o.code) ? '已加入' : '加入'} ${o.name}`}
                >
                  {chosen.has(o.code) ? '已加入' : '加入'}
                </Button>
              ),
            },
          ]}
        />
      ) : null}
      <Typography.Text strong>拟备案范围（{value.length} 项）</Typography.Text>
      <Table
        rowKey="code"
        size="small"
        pagination={false}
        aria-label="拟备案范围"
        locale={{ emptyText: <EmptyText>{'尚未选择职业或项目'}</EmptyText> }}
        dataSource={value}
        columns={[
          { title: '编码', dataIndex: 'code', width: 140 },
          { title: '名称', dataIndex: 'name', width: 200 },
          {
            title: '等级',
            key: 'levels',
            render: (_: unknown, item: ScopeDraftItem) =>
              item.special ? (
                '专项职业能力（不分等级）'
              ) : (
                <Checkbox.Group
                  aria-label={`${item.name} 申请等级`}
                  value={item.levels}
                  onChange={(levels) => update(item.code, levels as string[])}
                  options={item.available.map((l) => ({ value: l, label: skillLevelText(l) }))}
                />
              ),
          },
          {
            title: '操作',
            key: 'remove',
            width: 90,
            render: (_: unknown, item: ScopeDraftItem) => (
              <Button
                size="small"
                danger
                aria-label={`移除 ${item.name}`}
                onClick={() => onChange(value.filter((v) => v.code !== item.code))}
              >
                移除
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
