// Mounted once in the header: opens the lab from a link or the autosave, keeps it saved, and the Share menu.
import { ShareBanner } from './ShareBanner';
import { ShareMenu } from './ShareMenu';
import { useLabPersistence } from './usePersistence';

export function Share() {
  useLabPersistence();
  return (
    <>
      <ShareMenu />
      <ShareBanner />
    </>
  );
}
