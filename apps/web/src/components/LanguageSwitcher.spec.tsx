import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';
import { renderWithProviders } from '../testing/render';
import { LanguageSwitcher } from './LanguageSwitcher';
import { RoleBadge } from './RoleBadge';

describe('switching language', () => {
  it('changes the interface at once and remembers the choice', async () => {
    renderWithProviders(
      <>
        <LanguageSwitcher />
        <RoleBadge role="STAFF" />
      </>,
      { language: 'en' },
    );
    expect(screen.getByText('Staff')).toBeInTheDocument();
    await userEvent.setup().selectOptions(screen.getByLabelText('Language'), 'fr');
    expect(screen.getByLabelText('Langue')).toHaveValue('fr');
    expect(screen.getByText('Équipe')).toBeInTheDocument();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });
});

describe('role badges', () => {
  it('members carry none; experts and moderators carry theirs', () => {
    const { container } = renderWithProviders(<RoleBadge role="MEMBER" />);
    expect(container).toBeEmptyDOMElement();
  });

  it('an expert’s badge reads Experto in Spanish', () => {
    renderWithProviders(<RoleBadge role="EXPERT" />, { language: 'es' });
    expect(screen.getByText('Experto')).toHaveClass('badge-expert');
  });
});
