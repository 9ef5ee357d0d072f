import { ERROR_MESSAGES } from '@skills/domain';
import { configureGraphqlClient, GraphqlProvider, resetGraphqlClient } from '@skills/graphql-client';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResubmitDialog, type ResubmitTarget } from './resubmit-dialog';

const ALL_LEVELS = ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'];
const CATALOGUE: Record<string, { code: string; name: string; levels: string[] }> = {
  '6-31-01-03': { code: '6-31-01-03', name: '电工', levels: ALL_LEVELS },
  '6-18-01-01': { code: '6-18-01-01', name: '车工', levels: ALL_LEVELS },
};

/** 海洋 (高职): 电工 四级 + 车工 四级、三级, returned for correction. */
const target: ResubmitTarget = {
  filingId: 'f1',
  type: 'FIRST_FILING',
  requestedScope: [
    { occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: ['LEVEL_4'] },
    { occupationCode: '6-18-01-01', kind: 'OCCUPATION', levels: ['LEVEL_4', 'LEVEL_3'] },
  ],
  agencyKind: 'SKILL_LEVEL_AGENCY',
  schoolType: 'HIGHER_VOCATIONAL',
  schoolTypeName: '高职',
};

interface Sent {
  operationName: string;
  variables: Record<string, unknown>;
}

/** The gateway, answered by a stub: the catalogue look-ups, and `resubmit` for ResubmitFiling. */
function stubGateway(resubmit: (variables: Record<string, unknown>) => unknown) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: unknown, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as Sent;
      sent.push(body);
      if (body.operationName === 'ScopeItem')
        return Response.json({ data: { occupation: CATALOGUE[body.variables.code as string] ?? null } });
      if (body.operationName === 'ResubmitFiling') return Response.json(resubmit(body.variables));
      return Response.json({ data: null, errors: [{ message: `unexpected ${body.operationName}` }] });
    }),
  );
  return sent;
}

function renderDialog() {
  const onClose = vi.fn();
  render(
    <GraphqlProvider>
      <ResubmitDialog target={target} onClose={onClose} />
    </GraphqlProvider>,
  );
  return { onClose, dialog: screen.getByRole('dialog', { name: '补正后重新提交' }) };
}

const okButton = (dialog: HTMLElement) => within(dialog).getByRole('button', { name: /确\s*定/ });

beforeEach(() => {
  configureGraphqlClient('http://127.0.0.1:4000/graphql');
});

afterEach(() => {
  cleanup();
  resetGraphqlClient();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('补正后重新提交 dialog', () => {
  it('pre-fills the requested scope in the scope editor, with the cap preview for the school type', async () => {
    stubGateway(() => ({ data: null }));
    const { dialog } = renderDialog();
    const electrician = await within(dialog).findByRole('group', { name: '电工 申请等级' });
    const lathe = within(dialog).getByRole('group', { name: '车工 申请等级' });
    expect((within(electrician).getByLabelText('四级/中级工') as HTMLInputElement).checked).toBe(true);
    expect((within(electrician).getByLabelText('三级/高级工') as HTMLInputElement).checked).toBe(false);
    expect((within(lathe).getByLabelText('三级/高级工') as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText('拟备案范围（2 项）')).toBeTruthy();
    expect(within(dialog).getByTestId('cap-preview').textContent).toContain('本校为高职');
    expect(within(dialog).getByLabelText('补正说明（可选）')).toBeTruthy();
  });

  it('sends the edited scope with the 补正说明 and closes', async () => {
    const sent = stubGateway((v) => ({
      data: {
        resubmitFiling: {
          id: v.filingId,
          status: 'SUBMITTED',
          statusName: '已提交，待县区审核',
          requestedScope: [
            { occupationCode: '6-31-01-03', kind: 'OCCUPATION', levels: ['LEVEL_4', 'LEVEL_3'] },
          ],
        },
      },
    }));
    const { dialog, onClose } = renderDialog();
    const electrician = await within(dialog).findByRole('group', { name: '电工 申请等级' });
    fireEvent.click(within(electrician).getByLabelText('三级/高级工'));
    fireEvent.click(within(dialog).getByRole('button', { name: '移除 车工' }));
    fireEvent.change(within(dialog).getByLabelText('补正说明（可选）'), {
      target: { value: '已补充考评员，删去车工' },
    });
    await act(async () => {
      fireEvent.click(okButton(dialog));
    });
    await waitFor(() => expect(onClose).toHaveBeenCalledOnce());
    const mutation = sent.find((s) => s.operationName === 'ResubmitFiling');
    expect(mutation?.variables).toEqual({
      filingId: 'f1',
      note: '已补充考评员，删去车工',
      scope: [{ occupationCode: '6-31-01-03', levels: ['LEVEL_4', 'LEVEL_3'] }],
    });
  });

  it('shows the server’s refusal in the dialog and stays open', async () => {
    const refusal = ERROR_MESSAGES.LEVEL_EXCEEDS_SCHOOL_CAP.replace('{schoolType}', '高职')
      .replace('{target}', '二级/技师')
      .replace('{allowed}', '专项职业能力、四级/中级工、三级/高级工')
      .replace('{maxLevel}', '三级/高级工');
    const sent = stubGateway(() => ({
      data: null,
      errors: [{ message: refusal, extensions: { code: 'LEVEL_EXCEEDS_SCHOOL_CAP' } }],
    }));
    const { dialog, onClose } = renderDialog();
    const electrician = await within(dialog).findByRole('group', { name: '电工 申请等级' });
    fireEvent.click(within(electrician).getByLabelText('二级/技师'));
    // the local preview warns before the server refuses
    expect(within(dialog).getByRole('list', { name: '不能申请的等级' }).textContent).toContain('电工');
    await act(async () => {
      fireEvent.click(okButton(dialog));
    });
    await waitFor(() => expect(sent.map((s) => s.operationName)).toContain('ResubmitFiling'));
    const alert = (await within(dialog).findByText('重新提交未成功')).closest('[role="alert"]');
    expect(alert?.textContent).toContain(refusal);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: '补正后重新提交' })).toBe(dialog);
    expect(sent.find((s) => s.operationName === 'ResubmitFiling')?.variables.scope).toEqual([
      { occupationCode: '6-31-01-03', levels: ['LEVEL_4', 'LEVEL_2'] },
      { occupationCode: '6-18-01-01', levels: ['LEVEL_4', 'LEVEL_3'] },
    ]);
  });
});
