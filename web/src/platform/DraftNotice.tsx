import { Alert, Button } from 'antd';
import { clearDraft, restoredNotice } from './drafts.ts';

/**
 * The notice above a form whose unsaved input was restored from this device: says what was restored (and which
 * personal fields were not kept), and offers to throw the draft away — `onClear` resets the form to what it
 * would show without the draft.
 */
export function DraftNotice({ storeKey, skipped, onClear, gap = 16 }: { storeKey: string | null; skipped: readonly string[]; onClear: () => void; gap?: number }) {
  return (
    <Alert
      data-testid="draft-restored"
      type="info"
      showIcon
      style={{ marginBottom: gap }}
      message={restoredNotice(skipped)}
      action={
        <Button
          size="small"
          onClick={() => {
            if (storeKey) clearDraft(storeKey);
            onClear();
          }}
        >
          清除
        </Button>
      }
    />
  );
}
