import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

const SHORTCUTS = [
  ['j', 'next'],
  ['k', 'previous'],
  ['r', 'reply'],
  ['?', 'help'],
] as const;

/** The thread page's keyboard shortcuts (`?` opens this list). */
export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('threads');
  return (
    <Dialog open={open} onClose={onClose} title={t('shortcuts.title')} description={t('shortcuts.hint')}>
      <dl className="shortcuts">
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </Dialog>
  );
}
