import { SKILL_LEVELS } from '@skills/domain';
import { CATALOGUE_SOURCE_LABELS, CATALOGUE_SOURCES } from '@skills/graphql-client';
import { Button, Checkbox, Col, Input, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useOccupationCategories } from '../api/occupation-categories-query';
import type { OccupationFilters as Filters } from '../utils/search-params';

const fieldLabel = { display: 'block', marginBottom: 4, fontWeight: 500 } as const;

/** 检索框与筛选项（大类、等级、来源、技能类） */
export function OccupationFilters({
  value,
  onChange,
}: {
  value: Filters;
  onChange: (next: Filters) => void;
}) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => setSearch(value.search), [value.search]);
  const { data: categories } = useOccupationCategories();
  return (
    <form
      role="search"
      aria-label="职业检索"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...value, search });
      }}
    >
      <Row gutter={[16, 12]} align="bottom">
        <Col xs={24} md={12}>
          <label htmlFor="occupation-search" style={fieldLabel}>
            关键词
          </label>
          <Input
            id="occupation-search"
            name="q"
            value={search}
            maxLength={50}
            allowClear
            placeholder="职业名称（如 电工）、拼音首字母（如 dg）或编码前缀（如 6-31）"
            onChange={(e) => setSearch(e.target.value)}
          />
        </Col>
        <Col xs={24} md={4}>
          <Button type="primary" htmlType="submit" block>
            搜索
          </Button>
        </Col>
        <Col xs={24} md={8}>
          <Checkbox
            checked={value.skillTypeOnly}
            onChange={(e) => onChange({ ...value, skillTypeOnly: e.target.checked })}
          >
            仅显示技能类职业（可备案评价）
          </Checkbox>
        </Col>
        <Col xs={24} md={8}>
          <label htmlFor="occupation-category" style={fieldLabel}>
            大类
          </label>
          <Select
            id="occupation-category"
            style={{ width: '100%' }}
            allowClear
            placeholder="全部大类"
            value={value.category}
            onChange={(category?: number) => onChange({ ...value, category })}
            options={(categories?.catalogueStats.byCategory ?? []).map((c) => ({
              value: c.category,
              label: `${c.category} ${c.name}（${c.count}）`,
            }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <label htmlFor="occupation-level" style={fieldLabel}>
            等级
          </label>
          <Select
            id="occupation-level"
            style={{ width: '100%' }}
            allowClear
            placeholder="全部等级"
            value={value.level}
            onChange={(level?: Filters['level']) => onChange({ ...value, level })}
            options={SKILL_LEVELS.map((l) => ({ value: l.code, label: `${l.name}/${l.title}` }))}
          />
        </Col>
        <Col xs={24} md={8}>
          <label htmlFor="occupation-source" style={fieldLabel}>
            目录来源
          </label>
          <Select
            id="occupation-source"
            style={{ width: '100%' }}
            allowClear
            placeholder="全部来源"
            value={value.source}
            onChange={(source?: Filters['source']) => onChange({ ...value, source })}
            options={CATALOGUE_SOURCES.filter((s) => s !== 'FUJIAN_SPECIAL').map((s) => ({
              value: s,
              label: CATALOGUE_SOURCE_LABELS[s],
            }))}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        支持中文名称、拼音首字母或全拼、职业编码前缀检索。
      </Typography.Paragraph>
    </form>
  );
}
