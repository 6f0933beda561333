import { ReportsPage } from '../../reports/components/ReportsPage';

export function ReportsRoute() {
  return <ReportsPage />;
}
