import { describe, expect, it } from 'vitest';
import { hostRefusal } from './host-refusal';

describe('hostRefusal', () => {
  it('answers /api with a 403 problem naming the host and the variable', async () => {
    const res = hostRefusal('evil.example:3000', true);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toMatchObject({
      type: 'forbidden',
      detail: expect.stringMatching(/'evil\.example:3000'.*ALLOWED_HOSTS/),
    });
  });

  it('answers pages with a short HTML page that escapes the Host it echoes', async () => {
    const res = hostRefusal('<img src=x onerror=alert(1)>', false);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>ALLOWED_HOSTS</code>');
  });

  it('says so when the request names no host', async () => {
    expect(await hostRefusal(null, false).text()).toContain('This request names no host');
  });
});
