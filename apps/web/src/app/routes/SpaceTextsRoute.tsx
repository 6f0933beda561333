import { SpaceTextsPage } from '../../spaces/components/SpaceTextsEditor';

export function SpaceTextsRoute() {
  return <SpaceTextsPage />;
}
