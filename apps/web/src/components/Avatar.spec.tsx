import { render } from '@testing-library/react';
import { Avatar, avatarColourOf, initialsOf } from './Avatar';

describe('avatars', () => {
  it('shows the initials of the first two words, whatever the script', () => {
    expect(initialsOf('Camille Martin')).toBe('CM');
    expect(initialsOf('Sarah (Parvis team)')).toBe('SP');
    expect(initialsOf('émile')).toBe('É');
    expect(initialsOf('  ')).toBe('?');
  });

  it('keeps a person’s colour from their id, wherever they appear, and differs between people', () => {
    expect(avatarColourOf('42')).toBe(avatarColourOf('42'));
    const colours = new Set(['1', '2', '3', '4', '5', '6', '7', '8'].map(avatarColourOf));
    expect(colours.size).toBeGreaterThan(1);
  });

  it('is decorative (the name is written beside it), and shows an uploaded photo when there is one', () => {
    const { container, rerender } = render(<Avatar id="7" name="Diego Ruiz" />);
    const initials = container.firstElementChild!;
    expect(initials).toHaveAttribute('aria-hidden', 'true');
    expect(initials).toHaveAttribute('data-initials', 'DR');
    expect(initials.className).toMatch(/avatar-\d/);
    rerender(<Avatar id="7" name="Diego Ruiz" photoUrl="/media/p.webp" />);
    const photo = container.querySelector('img')!;
    expect(photo).toHaveAttribute('src', '/media/p.webp');
    expect(photo).toHaveAttribute('alt', '');
  });
});
