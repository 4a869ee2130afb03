import type { ResourceDef } from './resources';
import type { FieldError } from './status';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

// Messages as k8s.io/apimachinery/pkg/util/validation words them (see the captured 422 fixture).
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

/** Which name rule each kind's strategy applies (namespaces are labels, services DNS-1035 labels). */
function nameRule(def: ResourceDef): { re: RegExp; max: number; msg: string } {
  if (def.kind === 'Namespace') return { re: DNS1123_LABEL, max: 63, msg: LABEL_MSG };
  if (def.kind === 'Service') return { re: DNS1035_LABEL, max: 63, msg: DNS1035_MSG };
  return { re: DNS1123_SUBDOMAIN, max: 253, msg: SUBDOMAIN_MSG };
}

/** ValidateObjectMeta's name checks; an empty name is "name or generateName is required". */
export function validateName(def: ResourceDef, name: string | undefined): FieldError[] {
  if (!name)
    return [
      {
        type: 'FieldValueRequired',
        field: 'metadata.name',
        body: 'Required value: name or generateName is required',
      },
    ];
  const rule = nameRule(def);
  const errors: string[] = [];
  if (name.length > rule.max) errors.push(`must be no more than ${rule.max} characters`);
  if (!rule.re.test(name)) errors.push(rule.msg);
  return errors.map((detail) => ({
    type: 'FieldValueInvalid',
    field: 'metadata.name',
    body: `Invalid value: ${JSON.stringify(name)}: ${detail}`,
  }));
}
