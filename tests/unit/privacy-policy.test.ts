// The privacy page names every fixed address the code downloads from; if the code starts fetching
// another one (or stops), this fails until the policy says so.
import { describe, expect, it } from 'vitest';
import { PRIVACY_REQUEST_URLS } from '../../components/welcome/PrivacyPage';
import { HIBP_BREACHES_URL } from '../../utils/lists/import-hibp';
import { BLOCKLISTPROJECT_DRUGS_URL } from '../../utils/lists/catalog';
import { IANA_BOOTSTRAP_URL } from '../../utils/intel/rdap-bootstrap';
import { en } from '../../utils/i18n/en';
import { ja } from '../../utils/i18n/ja';

describe('privacy policy', () => {
  it('lists exactly the addresses the code downloads from', () => {
    expect([...PRIVACY_REQUEST_URLS].sort()).toEqual(
      [HIBP_BREACHES_URL, BLOCKLISTPROJECT_DRUGS_URL, IANA_BOOTSTRAP_URL].sort(),
    );
  });

  it('says in both languages that only the domain is sent and the 24-hour cache', () => {
    expect(en['privacy.rdap.text']).toMatch(/only the registered domain/);
    expect(ja['privacy.rdap.text']).toMatch(/登録ドメイン（例：example\.com）だけ/);
    expect(en['privacy.rdap.text']).toMatch(/24 hours/);
    expect(ja['privacy.rdap.text']).toMatch(/24時間/);
  });
});
