import type { Tone } from '@parvis/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { numberFormat } from '../../lib/format';

const SCORE_FORMAT: Intl.NumberFormatOptions = {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
};

/**
 * How a post reads, in words (negative / neutral / positive); the lexicon's score, which means
 * little on its own, is a tooltip shown on hover and on keyboard focus, and read as the chip's
 * description by screen readers.
 */
export function ToneChip({ tone }: { tone: { label: Tone; score: number } }) {
  const { t, i18n } = useTranslation('moderation');
  const tipId = useId();
  const score = numberFormat(i18n.resolvedLanguage ?? 'en', SCORE_FORMAT).format(tone.score);
  return (
    <span className="tone">
      <span
        className={`chip chip-tone chip-tone-${tone.label.toLowerCase()}`}
        tabIndex={0}
        aria-describedby={tipId}
      >
        {t('tone.label', { tone: t(`tones.${tone.label}`) })}
      </span>
      <span id={tipId} role="tooltip" className="tone-tip">
        {t('tone.score', { score })}
      </span>
    </span>
  );
}
