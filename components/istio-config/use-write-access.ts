// The session hook moved to components/ui so that every feature offering a write can share it.
export { useWriteSession } from '@/components/ui/use-write-session';
