// Settings and lists to and from a JSON file. The file carries the user's decisions (settings,
// allowlist, own blocks, silenced sites, which lists are on and at what level, lists added by
// URL), never list contents: those are downloaded again.
import { z } from '../core/zod';
import { SettingsSchema } from '../settings/store';
import { AllowEntrySchema } from '../decisions/allowlist';
import { UserBlockSchema } from '../decisions/user-blocks';
import { DismissalSchema } from '../decisions/dismissals';
import { ListActionSchema, ListFormatSchema } from '../lists/record';

export const EXPORT_FORMAT = 'kusuri-guard-settings';

export const ExportedListSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  origin: z.enum(['bundled', 'subscription', 'custom']),
  url: z.nullable(z.string().check(z.maxLength(2048))),
  format: ListFormatSchema,
  action: ListActionSchema,
  enabled: z.boolean(),
  name: z.string().check(z.maxLength(200)),
});

export const ExportSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().check(z.maxLength(40)),
  settings: z.partial(SettingsSchema),
  allowlist: z.array(AllowEntrySchema).check(z.maxLength(100_000)),
  userBlocks: z.array(UserBlockSchema).check(z.maxLength(100_000)),
  dismissals: z.array(DismissalSchema).check(z.maxLength(100_000)),
  lists: z.array(ExportedListSchema).check(z.maxLength(500)),
});
export type ExportFile = z.infer<typeof ExportSchema>;
