import { DutySettings } from '../../desk/components/DutySettings';

export function DutyRoute() {
  return <DutySettings />;
}
