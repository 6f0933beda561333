import { DigestPage } from '../../reports/components/DigestPage';

export function DigestRoute() {
  return <DigestPage />;
}
