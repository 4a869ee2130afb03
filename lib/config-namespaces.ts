import { z } from 'zod';

/**
 * Each namespace is one informer per watched resource (about a dozen watches per namespace), so the
 * list is bounded: a larger install is better served by the cluster-wide mode.
 */
export const MAX_NAMESPACES = 200;

/** RFC 1123 label, as Kubernetes requires of a namespace name. */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * NAMESPACES: a comma-separated list of namespace names, e.g. `bookinfo,shop`. Spaces around names are
 * ignored and repeats dropped; an empty item (`a,,b`) is refused, since it is more likely a typo than
 * an intent.
 */
export const NamespaceList = z.string().transform((value, ctx) => {
  const items = value.split(',').map((s) => s.trim());
  const bad = items.find((s) => s.length > 63 || !DNS_1123_LABEL.test(s));
  if (bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message:
        bad === ''
          ? `has an empty item in '${value}'; list namespace names separated by commas, e.g. bookinfo,shop`
          : `'${bad}' is not a namespace name (lower-case letters, digits and '-', at most 63 characters, starting and ending with a letter or digit)`,
    });
    return z.NEVER;
  }
  const names = [...new Set(items)];
  if (names.length > MAX_NAMESPACES) {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message: `lists ${names.length} namespaces; at most ${MAX_NAMESPACES} are allowed (Meshlens opens a dozen watches per namespace), unset it to watch the whole cluster instead`,
    });
    return z.NEVER;
  }
  return names;
});
