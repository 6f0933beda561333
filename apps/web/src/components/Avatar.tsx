/** How many colours generated avatars use (`.avatar-0` … in styles.css, all AA with white text). */
const AVATAR_COLOURS = 8;

/** The initials of a name: its first two words' first letters ("Sarah (Parvis team)" → "SP"). */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0] ?? '')
    .filter(Boolean);
  const initials = letters.slice(0, 2).join('') || '?';
  return initials.toLocaleUpperCase();
}

/** A colour that stays the person's own wherever they appear: from their id, not their name. */
export function avatarColourOf(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % AVATAR_COLOURS;
}

interface AvatarProps {
  id: string;
  name: string;
  /** An uploaded photo, when the person has one; otherwise their initials on their colour. */
  photoUrl?: string | null;
  size?: 'small' | 'medium';
}

/**
 * A person's picture. Decorative: the name is always written beside it, so assistive technology
 * is not told it twice.
 */
export function Avatar({ id, name, photoUrl, size = 'medium' }: AvatarProps) {
  const classes = `person-avatar avatar-${size}`;
  if (photoUrl) return <img className={classes} src={photoUrl} alt="" aria-hidden="true" />;
  return (
    // The initials are drawn by CSS (from data-initials), not text: a button holding an avatar
    // beside a name is named by the name alone (what it shows is what it is called).
    <span
      className={`${classes} avatar-${avatarColourOf(id)}`}
      data-initials={initialsOf(name)}
      aria-hidden="true"
    />
  );
}
