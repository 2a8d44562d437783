// Municipal property (δημοτική περιουσία), one stream per asset.
import { domainContext } from '../shared/context.ts';
import type { AssetEvent } from './events.ts';

export * from './events.ts';
export * from './commands.ts';
export * from './asset.ts';
export { assetsErrors } from './errors.ts';

export const assetsDomain = domainContext<AssetEvent>({
  name: 'assets',
  eventSchemas: {
    AssetRegistered: { version: 1 },
    AssetRevalued: { version: 1 },
    AssetLeased: { version: 1 },
    AssetTransferred: { version: 1 },
    AssetDisposed: { version: 1 },
  },
});
