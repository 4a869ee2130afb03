import { describe, expect, it } from 'vitest';
import { readMeshConfig } from './mesh-config';

const NAME = 'istio-system/istio';

describe('readMeshConfig', () => {
  it("reads rootNamespace and enableAutoMtls from the ConfigMap's mesh text", () => {
    expect(
      readMeshConfig('rootNamespace: mesh-root\nenableAutoMtls: false\ntrustDomain: x\n', NAME),
    ).toEqual({
      rootNamespace: 'mesh-root',
      autoMtls: false,
      origin: `mesh config in ConfigMap ${NAME}`,
    });
  });

  it("keeps Istio's defaults where the config is silent or wrong, and says why when it is unusable", () => {
    expect(
      readMeshConfig('accessLogFile: /dev/stdout\nenableAutoMtls: "no"\n', NAME),
    ).toMatchObject({
      rootNamespace: 'istio-system',
      autoMtls: true,
      origin: `mesh config in ConfigMap ${NAME}`,
    });
    expect(readMeshConfig(undefined, NAME).origin).toBe(
      "Istio's defaults: ConfigMap istio-system/istio has no mesh key",
    );
    expect(readMeshConfig('a: [', NAME).origin).toMatch(/^Istio's defaults/);
    expect(readMeshConfig('- 1\n- 2\n', NAME)).toMatchObject({
      autoMtls: true,
      origin: `mesh config in ConfigMap ${NAME}`,
    });
    const bomb = `a: &a [x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n`;
    expect(readMeshConfig(bomb, NAME).origin).toMatch(/^Istio's defaults/);
  });
});
