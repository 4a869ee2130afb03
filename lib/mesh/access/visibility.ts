/**
 * When a person may see a namespace. Meshlens shows a namespace's workloads (from pods), its services
 * and its routing, so the person must be allowed to `list` all three kinds of object there, as
 * `kubectl get pods,services,virtualservices -n X` would need: seeing less than that would show a
 * graph whose nodes or routes they could not look up themselves. Deployments and the other Istio
 * kinds follow from the same roles in practice (view, edit, admin grant them together) and are not
 * asked, to keep the reviews per namespace at three.
 */
export interface VisibilityQuestion {
  readonly group: string;
  readonly resource: string;
  readonly verb: 'list';
}

export const VISIBILITY_QUESTIONS: readonly VisibilityQuestion[] = [
  { group: '', resource: 'pods', verb: 'list' },
  { group: '', resource: 'services', verb: 'list' },
  { group: 'networking.istio.io', resource: 'virtualservices', verb: 'list' },
];

/** Visible only when every question was answered yes; a missing or failed answer is a no. */
export function isNamespaceVisible(answers: readonly (boolean | undefined)[]): boolean {
  return (
    answers.length === VISIBILITY_QUESTIONS.length && answers.every((answer) => answer === true)
  );
}

/** The namespaces to show, sorted: those whose answers say visible. */
export function visibleNamespaceNames(
  answers: ReadonlyMap<string, readonly (boolean | undefined)[]>,
): string[] {
  return [...answers]
    .filter(([, a]) => isNamespaceVisible(a))
    .map(([ns]) => ns)
    .sort();
}
