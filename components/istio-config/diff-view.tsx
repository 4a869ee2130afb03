// The YAML diff moved to components/ui so that every feature previewing a write can share it.
export { DiffView } from '@/components/ui/yaml-diff';
