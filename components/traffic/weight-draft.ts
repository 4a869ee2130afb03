import { rebalance, type Weights } from '@/lib/mesh/traffic/weights';

/**
 * The slider's draft: the weights being edited and the version they started from, so that an apply
 * against a VirtualService changed since then is a conflict rather than a silent overwrite.
 * There is no draft until the user changes something, so background refetches show the server's
 * weights as they are; once there is one, refetches never touch it.
 */
export interface Draft {
  readonly route: number;
  readonly weights: Weights;
  /** resourceVersion and weights of the VirtualService when editing started (or last applied). */
  readonly baseResourceVersion: string;
  readonly baseWeights: Weights;
}

export interface DraftState {
  readonly draft: Draft | null;
  readonly locks: ReadonlySet<string>;
  /**
   * The weights when the current slider gesture began. Every step of a drag or key repeat rebalances
   * from these, not from the previous step, so rounding does not pile up along the way and moving a
   * slider back returns the others to exactly where they were.
   */
  readonly gesture: { readonly subset: string; readonly from: Weights } | null;
}

/** The route as the server holds it now. */
export interface ServerRoute {
  readonly route: number;
  readonly resourceVersion: string;
  readonly weights: Weights;
}

export type DraftAction =
  | {
      readonly type: 'set';
      readonly server: ServerRoute;
      readonly subset: string;
      readonly value: number;
    }
  | { readonly type: 'replace'; readonly server: ServerRoute; readonly weights: Weights }
  | { readonly type: 'toggle-lock'; readonly subset: string }
  | { readonly type: 'discard' }
  /** Keep the edited weights but take the server's current version as the new base. */
  | { readonly type: 'rebase'; readonly server: ServerRoute }
  | { readonly type: 'applied'; readonly resourceVersion: string };

export const INITIAL_DRAFT: DraftState = { draft: null, locks: new Set(), gesture: null };

export function sameWeights(a: Weights, b: Weights): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function isDirty(draft: Draft | null): boolean {
  return draft !== null && !sameWeights(draft.weights, draft.baseWeights);
}

/** The draft in force for this server state; null when the server's weights should show. */
export function activeDraft(state: DraftState, server: ServerRoute): Draft | null {
  const { draft } = state;
  if (draft === null || draft.route !== server.route) return null;
  // An applied draft stands in for the server until the refetch carrying its version arrives.
  return isDirty(draft) || draft.baseResourceVersion === server.resourceVersion ? draft : null;
}

function startFrom(state: DraftState, server: ServerRoute): Draft {
  return (
    activeDraft(state, server) ?? {
      route: server.route,
      weights: server.weights,
      baseResourceVersion: server.resourceVersion,
      baseWeights: server.weights,
    }
  );
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'set': {
      const draft = startFrom(state, action.server);
      const gesture =
        state.gesture?.subset === action.subset && activeDraft(state, action.server) !== null
          ? state.gesture
          : { subset: action.subset, from: draft.weights };
      const weights = rebalance(gesture.from, action.subset, action.value, state.locks);
      return { ...state, gesture, draft: { ...draft, weights } };
    }
    case 'replace':
      return {
        ...state,
        gesture: null,
        draft: { ...startFrom(state, action.server), weights: action.weights },
      };
    case 'toggle-lock': {
      const locks = new Set(state.locks);
      if (!locks.delete(action.subset)) locks.add(action.subset);
      return { ...state, locks, gesture: null };
    }
    case 'discard':
      return { ...state, draft: null, gesture: null };
    case 'rebase':
      return state.draft === null
        ? state
        : {
            ...state,
            draft: {
              ...state.draft,
              baseResourceVersion: action.server.resourceVersion,
              baseWeights: action.server.weights,
            },
          };
    case 'applied':
      return state.draft === null
        ? state
        : {
            ...state,
            draft: {
              ...state.draft,
              baseResourceVersion: action.resourceVersion,
              baseWeights: state.draft.weights,
            },
          };
  }
}

/** The subset a rollback returns to: the one with the most weight on the server, first on a tie. */
export function stableSubset(subsets: readonly string[], weights: Weights): string | undefined {
  let best: string | undefined;
  for (const s of subsets)
    if (best === undefined || (weights[s] ?? 0) > (weights[best] ?? 0)) best = s;
  return best;
}
