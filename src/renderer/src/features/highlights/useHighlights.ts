import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { api } from '../../api/api';
import { HighlightStore, type HighlightStoreState } from './HighlightStore';

export type BriefHighlights = HighlightStoreState &
  Pick<
    HighlightStore,
    'create' | 'update' | 'remove' | 'undo' | 'forgetDeleted' | 'dismissFailure'
  >;

/**
 * A brief's highlights with create, update, remove and undo; see HighlightStore for how
 * changes show at once and what happens when the library refuses one.
 */
export function useHighlights(briefId: string): BriefHighlights {
  const store = useMemo(() => new HighlightStore(api, briefId), [briefId]);
  useEffect(() => {
    void store.load();
  }, [store]);
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return {
    ...state,
    create: store.create,
    update: store.update,
    remove: store.remove,
    undo: store.undo,
    forgetDeleted: store.forgetDeleted,
    dismissFailure: store.dismissFailure,
  };
}
