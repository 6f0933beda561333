import { MailCatcher } from '../../mail/components/MailCatcher';

export function MailCatcherRoute() {
  return <MailCatcher />;
}
