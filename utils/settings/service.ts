// The user's settings and what follows from them: the language in effect and the report endpoint
// in effect. Stored first; then the features that depend on a setting (the menus' language)
// follow through onChanged.
import { getSettings, updateSettings, type Settings, type SettingsPatch } from './store';
import type { SettingsView } from './model';
import { DomainError } from '../core/errors';
import { Signal } from '../core/signal';
import { resolveLang, type Lang } from '../i18n';
import { endpointUrl } from '../reports/queue';
import type { Platform } from '../platform/platform';

export class SettingsService {
  /** Announced after a change was stored, with the change. */
  readonly onChanged = new Signal<SettingsPatch>();

  constructor(private readonly platform: Platform) {}

  get(): Promise<Settings> {
    return getSettings();
  }

  /** The language in effect: the setting, resolved against the browser's. */
  languageOf(settings: Settings): Lang {
    return resolveLang(settings.language, this.platform.uiLanguage());
  }

  async language(settings?: Settings): Promise<Lang> {
    return this.languageOf(settings ?? (await getSettings()));
  }

  private get allowHttp(): boolean {
    return this.platform.config.allowHttpEndpoint === true;
  }

  /**
   * The endpoint reports are sent to: the user's (an empty value switches it off), else the one
   * set at build time. Only https (http in end-to-end test builds).
   */
  async reportEndpoint(settings?: Settings): Promise<string | null> {
    const current = settings ?? (await getSettings());
    const value = current.reportEndpoint ?? this.platform.config.reportEndpoint ?? null;
    return endpointUrl(value, this.allowHttp);
  }

  async view(settings?: Settings): Promise<SettingsView> {
    const current = settings ?? (await getSettings());
    const build = this.platform.config.reportEndpoint;
    return {
      settings: current,
      lang: this.languageOf(current),
      reportEndpoint: await this.reportEndpoint(current),
      buildEndpoint: build ? endpointUrl(build, this.allowHttp) : null,
    };
  }

  /** Settings are stored first; then what depends on them follows. */
  async set(patch: SettingsPatch): Promise<SettingsView> {
    const endpoint = patch.reportEndpoint;
    if (typeof endpoint === 'string' && endpoint.trim() !== '') {
      if (!endpointUrl(endpoint, this.allowHttp)) throw new DomainError('endpoint-not-https');
      patch = { ...patch, reportEndpoint: endpoint.trim() };
    }
    const settings = await updateSettings(patch);
    await this.onChanged.emit(patch);
    return this.view(settings);
  }
}
