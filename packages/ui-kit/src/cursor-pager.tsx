import { Button, Flex } from 'antd';

/** 上一页 / 下一页 for a cursor-paginated list; `summary` (e.g. 共 113 条) is announced when it changes. */
export function CursorPager({
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
  summary,
}: {
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  summary?: string;
}) {
  return (
    <Flex
      component="nav"
      aria-label="分页"
      justify="flex-end"
      align="center"
      gap={8}
      style={{ marginTop: 16 }}
    >
      {summary ? (
        <span aria-live="polite" style={{ marginInlineEnd: 'auto' }}>
          {summary}
        </span>
      ) : null}
      <Button disabled={!hasPrevious} onClick={onPrevious}>
        上一页
      </Button>
      <Button disabled={!hasNext} onClick={onNext}>
        下一页
      </Button>
    </Flex>
  );
}
