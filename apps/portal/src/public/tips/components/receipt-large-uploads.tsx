import { useEffect, useRef } from 'react';
import type { PickedFile } from '../api/tip-files';
import { useLargeUploads, type FollowUpAccess } from '../hooks/use-large-uploads';
import { LargeUploadList } from './large-upload-list';

interface Props {
  access: FollowUpAccess;
  files: readonly PickedFile[];
  /** Whether a file is still on its way (the receipt holds its way on until none is). */
  onActiveChange: (active: boolean) => void;
}

/**
 * The receipt's large files (videos over the tip's own request), sent with tus. A chunk of its own: most
 * tips carry none, and their phones never download it (the form fetches it ahead when one is picked).
 */
export function ReceiptLargeUploads({ access, files, onActiveChange }: Props) {
  const uploads = useLargeUploads(access);
  const { add, active, items } = uploads;

  // Once per receipt (an effect may run twice in development).
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    add(files);
  }, [add, files]);

  // Told once the files are listed: before that, "none active" would only mean "not added yet".
  const listed = items.length > 0;
  useEffect(() => {
    if (listed) onActiveChange(active);
  }, [listed, active, onActiveChange]);

  return <LargeUploadList items={items} onRetry={uploads.retry} />;
}
