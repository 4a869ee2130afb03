import type { ReactNode } from 'react';
import { RequireStrict } from './require-strict';
import { StrictReadinessView } from './strict-readiness';
import type { StrictTarget } from './strict-target';

/** Who would break under STRICT, and the action that requires it, for a card or a panel. */
export function StrictSection({ target }: { target: StrictTarget }): ReactNode {
  return (
    <>
      <StrictReadinessView mode={target.mode} readiness={target.readiness} window={target.window} />
      <div>
        <RequireStrict target={target} />
      </div>
    </>
  );
}
