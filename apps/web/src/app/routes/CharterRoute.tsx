import { CharterPage } from '../../moderation/components/CharterPage';

export function CharterRoute() {
  return <CharterPage />;
}
