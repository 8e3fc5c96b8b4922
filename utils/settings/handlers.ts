// Messages of the settings feature.
import { SettingsPatchSchema } from './store';
import type { SettingsService } from './service';
import { EXTENSION_PAGES, handler } from '../core/handler';
import { z } from '../core/zod';

export function settingsHandlers(settings: SettingsService) {
  return {
    'settings.get': handler({
      from: EXTENSION_PAGES,
      input: z.object({}),
      run: async (_input, context) => settings.view(await context.settings()),
    }),
    'settings.set': handler({
      from: EXTENSION_PAGES,
      input: z.object({ patch: SettingsPatchSchema }),
      run: ({ patch }) => settings.set(patch),
    }),
  };
}
