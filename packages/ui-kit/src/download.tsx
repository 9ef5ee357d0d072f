// Files the page hands to the user: a workbook it built, a PDF the API sent (as Base64 inside the GraphQL answer,
// so the same authorization and the same gateway apply as to every other read).
import { Alert, Button, Flex } from 'antd';
import { useState, type ReactNode } from 'react';

/** A file as the API returns it. */
export interface ApiFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/** Saves a blob under a name, through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function saveApiFile(file: ApiFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveBlob(new Blob([bytes], { type: file.contentType }), file.fileName);
}

/**
 * A button that fetches a file and saves it; while it works it shows so, and a refusal (the server's Chinese
 * message) appears beside it instead of nothing happening.
 */
export function DownloadButton({
  fetchFile,
  children,
  describeError,
}: {
  fetchFile: () => Promise<ApiFile>;
  children: ReactNode;
  describeError: (e: unknown) => string;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <Flex vertical gap={4} align="flex-start">
      <Button
        loading={busy}
        onClick={() => {
          setBusy(true);
          setFailure(null);
          fetchFile()
            .then(saveApiFile)
            .catch((e: unknown) => setFailure(describeError(e)))
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </Button>
      {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
    </Flex>
  );
}
