import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ActorLine, actorText } from './actor';
import { EventTimeline } from './event-timeline';
import { formatDate, formatDateTime } from './format';
import { BasePathProvider, normaliseBasePath, portalPath, usePortalPath } from './base-path';
import { scopeItemText, skillLevelText } from './skill-level';
import { ErrorState } from './states';
import { UiProvider } from './ui-provider';

describe('portal paths', () => {
  it.each([
    ['/public', 'occupations/6-31-01-03', '/public/occupations/6-31-01-03'],
    ['/public/', '/occupations', '/public/occupations'],
    ['', 'occupations', '/occupations'],
    ['', '', '/'],
    ['public', '', '/public'],
  ])('%s + %s → %s', (base, path, expected) => {
    expect(portalPath(base, path)).toBe(expected);
  });

  it('normalises the base path', () => {
    expect(normaliseBasePath(' /bureau// ')).toBe('/bureau');
  });

  it('resolves links under the provided base path', () => {
    function Link() {
      const to = usePortalPath();
      return <a href={to('occupations/1')}>详情</a>;
    }
    render(
      <BasePathProvider basePath="/public">
        <Link />
      </BasePathProvider>,
    );
    expect(screen.getByRole('link', { name: '详情' }).getAttribute('href')).toBe('/public/occupations/1');
  });
});

describe('ErrorState', () => {
  it('shows the Chinese message and retries', () => {
    const onRetry = vi.fn();
    render(
      <UiProvider>
        <ErrorState title="门户加载失败" message="请稍后重试" onRetry={onRetry} />
      </UiProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('门户加载失败');
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});

it('labels skill levels from @skills/domain', () => {
  expect(skillLevelText('LEVEL_4')).toBe('四级/中级工');
  expect(skillLevelText('LEVEL_9')).toBe('LEVEL_9');
});

it('writes a scope item with its name first, the code beside it', () => {
  expect(
    scopeItemText({
      occupationCode: '6-31-01-03',
      levels: ['LEVEL_4', 'LEVEL_3'],
      occupation: { name: '电工' },
    }),
  ).toBe('电工（6-31-01-03）：四级/中级工、三级/高级工');
  expect(
    scopeItemText({ occupationCode: 'FJZX-0001', levels: [], specialAbilityProject: { name: '茶艺' } }),
  ).toBe('茶艺（FJZX-0001）：专项职业能力');
  expect(scopeItemText({ occupationCode: '9-99-99-99', levels: ['LEVEL_5'], occupation: null })).toBe(
    '目录中未找到（9-99-99-99）：五级/初级工',
  );
});

describe('办理人 (ActorLine)', () => {
  it('names the actor with their organisation, and nothing for a system step or a hidden name', () => {
    expect(
      actorText({ displayName: '晋江市人社局（演示）', organisationName: '晋江市人力资源和社会保障局' }),
    ).toBe('晋江市人社局（演示） · 晋江市人力资源和社会保障局');
    expect(actorText({ displayName: '考生 王小明（演示）', organisationName: null })).toBe(
      '考生 王小明（演示）',
    );
    expect(actorText(null)).toBeNull();
    expect(actorText({ displayName: null, organisationName: '某单位' })).toBeNull();
    const { container } = render(<ActorLine actor={null} />);
    expect(container.textContent).toBe('');
    render(<ActorLine actor={{ displayName: '泉州市人社局鉴定指导中心（演示）', organisationName: null }} />);
    expect(screen.getByText('办理人：泉州市人社局鉴定指导中心（演示）')).toBeTruthy();
  });
});

describe('dates and the 办理记录 timeline', () => {
  it('formats in China time whatever the browser zone, and says — for no date', () => {
    expect(formatDateTime('2026-11-27T16:30:00Z')).toBe('2026年11月28日 00:30');
    expect(formatDate('2026-11-27T16:30:00Z')).toBe('2026年11月28日');
    expect(formatDate(null)).toBe('—');
  });
  it('lists each step with its time, reason and 办理人', () => {
    const { container } = render(
      <EventTimeline
        label="办理记录"
        events={[
          {
            type: 'FILING_RETURN',
            typeName: '退回补正',
            at: '2026-11-27T01:00:00Z',
            reason: '请补充场地材料',
            actor: { displayName: '王审核', organisationName: '泉州市人社局' },
          },
          { type: 'AGENCY_FILED', typeName: '备案', at: '2026-11-28T01:00:00Z', actor: null },
        ]}
      />,
    );
    const view = within(container);
    expect(view.getByText('退回补正')).toBeTruthy();
    expect(view.getByText('2026年11月27日 09:00')).toBeTruthy();
    expect(view.getByText('请补充场地材料')).toBeTruthy();
    expect(view.getByText('办理人：王审核 · 泉州市人社局')).toBeTruthy();
    expect(view.getAllByText(/^办理人：/)).toHaveLength(1);
  });
});
