import { describe, expect, it, vi } from 'vitest';
import type { MeshConfig, MeshAnalyzer } from '../validations/types';
import { runMeshAnalyzers } from './run-analyzers';

const analyzers = vi.hoisted((): MeshAnalyzer[] => [
  function broken(): never {
    throw new Error('boom');
  },
  () => [
    {
      resource: { kind: 'Namespace', namespace: '', name: 'a' },
      validation: { code: 'IST0102', severity: 'info', message: 'm' },
    },
  ],
]);

vi.mock('../validations', () => ({
  MESH_ANALYZERS: analyzers,
  analyzeMesh: (mesh: MeshConfig) => analyzers.flatMap((a) => a(mesh)),
}));

const mesh: MeshConfig = {
  objects: [],
  inventory: { namespaces: [], services: [], workloads: [], pods: [] },
};

describe('runMeshAnalyzers', () => {
  it('reports an analyzer that throws and keeps the others’ findings', () => {
    const onError = vi.fn();
    expect(runMeshAnalyzers(mesh, onError).map((f) => f.validation.code)).toEqual(['IST0102']);
    expect(onError).toHaveBeenCalledWith('broken', expect.any(Error));
  });
});
