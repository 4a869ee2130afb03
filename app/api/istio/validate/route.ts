import { toProblemResponse } from '@/lib/errors';
import { checkManifestText } from '@/lib/server/istio-config/validate-manifest';
import { parseValidateBody } from '../schema';

export const dynamic = 'force-dynamic';

/**
 * POST /api/istio/validate {yaml, namespace?, alongside?: [yaml]} → {validations: [{code, severity, message, path?, line?}]}.
 * Writes nothing, so it needs no CSRF header: the editor calls it on every pause in typing. Takes an
 * Istio or Gateway API object, or a Namespace, Pod, Service, Deployment, Secret or ConfigMap (the mesh
 * analyzers' findings on it); any other kind is answered with MESHLENS-100, "nothing was checked".
 */
export async function POST(req: Request): Promise<Response> {
  try {
    const { yaml, namespace, alongside } = await parseValidateBody(req);
    const { validations } = await checkManifestText(yaml, namespace, alongside);
    return Response.json({ validations });
  } catch (err) {
    return toProblemResponse(err);
  }
}
