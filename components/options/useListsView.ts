// The options page's one read of the lists view (lists, rules, decisions); every section that
// changes something calls reload() so the whole page shows the stored state again.
import { useEffect, useState } from 'preact/hooks';
import { errorCode, request } from '../../utils/core/client';
import type { ListsView } from '../../utils/lists/view';

export function useListsView(): {
  view: ListsView | null;
  error: string | null;
  reload: () => void;
} {
  const [view, setView] = useState<ListsView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () =>
    void request({ type: 'lists.get' })
      .then(setView)
      .catch((e: unknown) => setError(errorCode(e)));
  useEffect(reload, []);
  return { view, error, reload };
}
