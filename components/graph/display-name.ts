/** How a node is named in lists and headings: versions spelled out, since there is no box around them. */
export function displayName(node: {
  readonly name: string;
  readonly version?: string;
  readonly isBox?: boolean;
}): string {
  return node.version !== undefined && node.isBox !== true
    ? `${node.name} ${node.version}`
    : node.name;
}
