import { describe, expect, it } from 'vitest';
import { SEMANTIC_CHECKS } from './index';
import { travelMesh, TRAVEL_OBJECTS } from '../testing/travel-mesh';

describe('the demo’s travel objects', () => {
  it('are all valid: no semantic check reports anything on them', () => {
    const mesh = travelMesh();
    for (const obj of TRAVEL_OBJECTS)
      expect({
        obj: `${obj.kind} ${obj.namespace}/${obj.name}`,
        found: SEMANTIC_CHECKS.flatMap((c) => c(obj, mesh)),
      }).toEqual({
        obj: `${obj.kind} ${obj.namespace}/${obj.name}`,
        found: [],
      });
  });
});
