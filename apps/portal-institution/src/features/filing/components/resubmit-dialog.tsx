import type { AgencyKind, SchoolType } from '@skills/domain';
import { graphqlErrorMessage } from '@skills/graphql-client';
import { skillLevelText } from '@skills/ui-kit';
import { Alert, Flex, Input, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useResubmitFiling } from '../api/resubmit-filing-mutation';
import { useScopeItemLookup } from '../api/scope-item-query';
import {
  scopeComplete,
  scopeDraft,
  scopeInput,
  type RequestedScopeItem,
  type ScopeDraftItem,
  type ScopeItemDetails,
} from '../utils/scope';
import { CapPreview } from './cap-preview';
import { ScopePicker } from './scope-picker';

/** The returned filing to resubmit, with what the scope editor needs about its agency and college. */
export interface ResubmitTarget {
  filingId: string;
  /** FIRST_FILING / SCOPE_CHANGE / RENEWAL — a renewal keeps its scope */
  type: string;
  requestedScope: readonly RequestedScopeItem[];
  agencyKind: string;
  schoolType: string;
  schoolTypeName: string;
}

/** The requested scope with the catalogue's names and standard levels (looked up one item after another). */
function useRequestedScopeDraft(requested: readonly RequestedScopeItem[]) {
  const [execute] = useScopeItemLookup();
  const lookup = useRef(execute);
  lookup.current = execute;
  const [draft, setDraft] = useState<ScopeDraftItem[] | null>(null);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const details = new Map<string, ScopeItemDetails>();
      for (const r of requested) {
        try {
          const { data } = await lookup.current({
            variables: { code: r.occupationCode, special: r.kind === 'SPECIAL_ABILITY' },
          });
          if (data?.occupation)
            details.set(r.occupationCode, { name: data.occupation.name, levels: data.occupation.levels });
          else if (data?.specialAbilityProject)
            details.set(r.occupationCode, { name: data.specialAbilityProject.name });
        } catch {
          // shown by its code, with the levels already chosen
        }
      }
      if (!cancelled) setDraft(scopeDraft(requested, details));
    })();
    return () => {
      cancelled = true;
    };
  }, [requested]);
  return draft;
}

/**
 * 补正后重新提交：补正说明，以及（首次备案、增设）在申请备案的范围编辑器中更正申请范围，附等级上限预览。
 * The server checks the corrected scope by the rules of the original application; its refusal is shown here and
 * the dialog stays open.
 */
export function ResubmitDialog({ target, onClose }: { target: ResubmitTarget; onClose: () => void }) {
  const renewal = target.type === 'RENEWAL';
  const loaded = useRequestedScopeDraft(target.requestedScope);
  const [edited, setEdited] = useState<ScopeDraftItem[] | null>(null);
  const items = edited ?? loaded;
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [resubmit, { loading }] = useResubmitFiling();

  async function confirm() {
    setFailure(null);
    try {
      await resubmit({
        variables: {
          filingId: target.filingId,
          note: note.trim() || null,
          ...(renewal || !items ? {} : { scope: scopeInput(items) }),
        },
      });
      onClose();
    } catch (e) {
      setFailure(graphqlErrorMessage(e));
    }
  }

  return (
    <Modal
      open
      title="补正后重新提交"
      width={820}
      okText="确定"
      cancelText="取消"
      confirmLoading={loading}
      okButtonProps={{ disabled: !renewal && (!items || !scopeComplete(items)) }}
      onOk={() => void confirm()}
      onCancel={onClose}
    >
      <Flex vertical gap={12}>
        <Typography.Text strong>申请范围</Typography.Text>
        {renewal ? (
          <Typography.Paragraph style={{ margin: 0 }}>
            延续申请按原备案范围办理，不能更改：
            {target.requestedScope
              .map(
                (s) =>
                  `${s.occupationCode}${s.levels.length ? ` ${s.levels.map(skillLevelText).join('、')}` : ''}`,
              )
              .join('；')}
          </Typography.Paragraph>
        ) : items ? (
          <>
            <ScopePicker
              special={target.agencyKind === 'APPRAISAL_AGENCY'}
              value={items}
              onChange={setEdited}
            />
            <CapPreview
              request={{
                agencyKind: target.agencyKind as AgencyKind,
                expansion: target.type === 'SCOPE_CHANGE',
              }}
              schoolType={target.schoolType as SchoolType}
              schoolTypeName={target.schoolTypeName}
              items={items}
            />
          </>
        ) : (
          <Typography.Text type="secondary">正在读取申请范围…</Typography.Text>
        )}
        <div>
          <label htmlFor="resubmit-note">补正说明（可选）</label>
          <Input.TextArea
            id="resubmit-note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {failure ? (
          <Alert type="error" showIcon role="alert" title="重新提交未成功" description={failure} />
        ) : null}
      </Flex>
    </Modal>
  );
}
