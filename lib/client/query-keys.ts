/** Every react-query key in one place, hierarchical so that invalidating a prefix reaches its children. */
export const queryKeys = {
  status: () => ['status'] as const,
  namespaces: () => ['namespaces'] as const,
};
