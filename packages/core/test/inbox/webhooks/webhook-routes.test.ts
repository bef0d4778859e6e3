import { describe, expect, it } from 'vitest';
import type { WebhookHandler } from '../../../src/adapter/webhooks.js';
import { ValidationError } from '../../../src/errors/validation-error.js';
import { normaliseBasePath, routeNameOf, webhookRoutes } from '../../../src/inbox/webhooks/webhook-routes.js';

const handler: WebhookHandler = {
  challenge: async () => undefined,
  verify: async () => false,
  parse: () => [],
};

describe('webhookRoutes', () => {
  it('routes a list by platform and leaves out adapters without webhooks', () => {
    const routes = webhookRoutes([{ platform: 'x', webhooks: handler }, { platform: 'mastodon' }]);
    expect([...routes.keys()]).toEqual(['x']);
  });

  it('routes a record by its keys, so one platform can have two routes', () => {
    const routes = webhookRoutes({
      facebook: { platform: 'facebook', webhooks: handler },
      'facebook-eu': { platform: 'facebook', webhooks: handler },
    });
    expect(routes.get('facebook-eu')?.platform).toBe('facebook');
  });

  it('refuses two listed adapters of one platform and a name that is not one segment', () => {
    expect(() =>
      webhookRoutes([
        { platform: 'x', webhooks: handler },
        { platform: 'x', webhooks: handler },
      ]),
    ).toThrow(ValidationError);
    expect(() => webhookRoutes({ 'a/b': { platform: 'x', webhooks: handler } })).toThrow(ValidationError);
  });
});

describe('routeNameOf', () => {
  it('reads the one segment after the base path', () => {
    expect(routeNameOf('/webhooks/x', '/webhooks')).toBe('x');
    expect(routeNameOf('/webhooks/x/', '/webhooks')).toBe('x');
    expect(routeNameOf('/x', '')).toBe('x');
  });

  it('answers nothing for another path', () => {
    expect(routeNameOf('/webhooksx', '/webhooks')).toBeUndefined();
    expect(routeNameOf('/webhooks/', '/webhooks')).toBeUndefined();
    expect(routeNameOf('/webhooks/x/y', '/webhooks')).toBeUndefined();
    expect(routeNameOf('/other/x', '/webhooks')).toBeUndefined();
  });

  it('normalises base paths', () => {
    expect(normaliseBasePath('hooks/')).toBe('/hooks');
    expect(normaliseBasePath('/')).toBe('');
  });
});
