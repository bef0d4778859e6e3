import { describe, expect, it } from 'vitest';
import { createLinkedInAdapter } from '../src/index.js';

// LinkedIn grants member and organization permissions separately, so what an adapter declares
// it needs depends on who it posts as: a doctor compares these with the token's granted scopes.
describe('the scopes a LinkedIn adapter declares', () => {
  it('asks for the member scopes when it posts as a member, or for an author it does not know yet', () => {
    for (const settings of [{ author: 'urn:li:person:abc' }, {}]) {
      const { scopes } = createLinkedInAdapter(settings).capabilities.auth;
      expect(scopes?.publish).toEqual(['w_member_social']);
      expect(scopes?.engagement).toEqual(['r_member_social']);
      expect(scopes?.metrics).toEqual(['r_member_postAnalytics', 'r_member_profileAnalytics']);
      expect(scopes?.research).toBeUndefined();
    }
  });

  it('asks for the organization scopes when it posts as an organization', () => {
    const { scopes } = createLinkedInAdapter({ author: 'urn:li:organization:2414183' }).capabilities.auth;
    expect(scopes?.publish).toEqual(['w_organization_social']);
    expect(scopes?.engagement).toEqual(['r_organization_social']);
    expect(scopes?.metrics).toEqual(['rw_organization_admin']);
    expect(scopes?.research).toEqual(['rw_organization_admin']);
  });
});
