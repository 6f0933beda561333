import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { onDemand, useOnDemand } from '../lib/on-demand';

/** One entry of a menu: a link, an action, or a line between groups. */
export type MenuEntry =
  | { kind: 'link'; to: string; label: string }
  | { kind: 'action'; label: string; onSelect: () => void }
  | { kind: 'separator'; key: string };

export interface MenuProps {
  /** The class of the menu's root (`menu`, and any variant). */
  className: string;
  /** The class of its button (`menu-button`, and any variant). */
  buttonClassName: string;
  /** The button's accessible name, when its content does not give it. */
  buttonLabel?: { 'aria-label': string } | { 'aria-labelledby': string };
  /** What the button shows. */
  button: ReactNode;
  entries: MenuEntry[];
}

/** How the reader opened the menu before its code had loaded: replayed once it has. */
export type PendingOpen = { by: 'pointer' } | { by: 'key'; key: string };

const popup = onDemand(() => import('./MenuPopup'));

const OPENING_KEYS = new Set(['Enter', ' ', 'ArrowDown', 'ArrowUp']);

/**
 * A drop-down menu (arrow keys, Escape, focus back: Headless UI's, in MenuPopup). Until its code
 * has loaded — it loads when the browser is idle after hydration, or as soon as the pointer or the
 * focus reaches the button — the same button is rendered on its own, as the server renders it; a
 * press meanwhile opens the menu the moment the code arrives, as that press would have.
 */
export function Menu(props: MenuProps) {
  const [pending, setPending] = useState<PendingOpen | null>(null);
  // Whether the stand-in button had the focus when the menu's code replaced it.
  const hadFocus = useRef(false);
  const loaded = useOnDemand(popup, pending !== null);
  if (loaded) {
    return (
      <loaded.MenuPopup
        {...props}
        pending={pending}
        takeFocus={hadFocus}
        onPendingReplayed={() => setPending(null)}
      />
    );
  }
  return <StandInMenu {...props} onPress={setPending} hadFocus={hadFocus} />;
}

function StandInMenu({
  className,
  buttonClassName,
  buttonLabel,
  button,
  onPress,
  hadFocus,
}: MenuProps & { onPress: (pending: PendingOpen) => void; hadFocus: { current: boolean } }) {
  const ref = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    // Runs before React removes the button: the menu's own button takes the focus over.
    return () => {
      hadFocus.current = element !== null && element === element.ownerDocument.activeElement;
    };
  }, [hadFocus]);
  const prefetch = () => void popup.load().catch(() => undefined);
  return (
    <div className={className}>
      <button
        ref={ref}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={false}
        {...buttonLabel}
        onPointerEnter={prefetch}
        onFocus={prefetch}
        onClick={() => onPress({ by: 'pointer' })}
        onKeyDown={(event) => {
          if (!OPENING_KEYS.has(event.key)) return;
          // As Headless UI's button: the key opens the menu, it does not also click.
          event.preventDefault();
          onPress({ by: 'key', key: event.key });
        }}
        onKeyUp={(event) => {
          // A space clicks a button when released: that press has already been taken.
          if (event.key === ' ') event.preventDefault();
        }}
      >
        {button}
      </button>
    </div>
  );
}
