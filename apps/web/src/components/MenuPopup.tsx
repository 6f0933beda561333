import { Menu, MenuButton, MenuItem, MenuItems, MenuSeparator } from '@headlessui/react';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { MenuProps, PendingOpen } from './Menu';

/**
 * The menu's implementation, on Headless UI's: arrow keys move between the entries, Escape closes
 * and gives the focus back to the button. Loaded on demand by `Menu` (with Headless UI and what it
 * brings: Floating UI, React Aria), so that a reader's first download does not carry it.
 */
export function MenuPopup({
  className,
  buttonClassName,
  buttonLabel,
  button,
  entries,
  pending,
  takeFocus,
  onPendingReplayed,
}: MenuProps & {
  pending: PendingOpen | null;
  takeFocus: { current: boolean };
  onPendingReplayed: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const replayed = useRef(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (takeFocus.current) {
      takeFocus.current = false;
      element.focus({ preventScroll: true });
    }
    if (!pending || replayed.current) return;
    replayed.current = true;
    // The press the stand-in button received, given to this one: Headless UI opens the menu as
    // it would have (a key focuses the first entry, a click the list).
    if (pending.by === 'key') {
      element.focus({ preventScroll: true });
      element.dispatchEvent(
        new KeyboardEvent('keydown', { key: pending.key, bubbles: true, cancelable: true }),
      );
    } else {
      element.click();
    }
    onPendingReplayed();
  }, [pending, takeFocus, onPendingReplayed]);

  return (
    <Menu as="div" className={className}>
      <MenuButton ref={ref} className={buttonClassName} {...buttonLabel}>
        {button}
      </MenuButton>
      <MenuItems className="menu-items" modal={false}>
        {entries.map((entry) => {
          switch (entry.kind) {
            case 'separator':
              return <MenuSeparator key={entry.key} className="menu-separator" />;
            case 'link':
              return (
                <MenuItem key={entry.to} as={Link} to={entry.to} className="menu-item">
                  {entry.label}
                </MenuItem>
              );
            case 'action':
              return (
                <MenuItem
                  key={entry.label}
                  as="button"
                  type="button"
                  className="menu-item"
                  onClick={entry.onSelect}
                >
                  {entry.label}
                </MenuItem>
              );
          }
        })}
      </MenuItems>
    </Menu>
  );
}
