import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Shown {
  src: string;
  alt: string;
  opener: HTMLElement;
}

/**
 * Opens a photo of a post full size. Posts show a photo as its thumbnail inside a link to the
 * full-size file (`<a class="upload">`, from the API's Markdown renderer); one listener on the
 * document, mounted once by the layout, turns a plain click on such a link (mouse, or Enter on
 * the focused link) into this lightbox, wherever the post is shown. The lightbox is the
 * platform's modal `<dialog>`: focus moves into it, the rest of the page is inert, Escape closes
 * it, and focus goes back to the photo's link. A click with a modifier key opens the file as the
 * browser would.
 */
export function PhotoLightbox() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a.upload');
      if (!(link instanceof HTMLAnchorElement)) return;
      event.preventDefault();
      setShown({
        src: link.getAttribute('href') ?? '',
        alt: link.querySelector('img')?.alt ?? '',
        opener: link,
      });
    };
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, []);

  useEffect(() => {
    if (shown && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [shown]);

  const close = () => dialog.current?.close();

  return (
    <dialog
      ref={dialog}
      className="photo-lightbox"
      aria-label={shown?.alt || t('lightbox.label')}
      onClose={() => {
        shown?.opener.focus();
        setShown(null);
      }}
      onClick={(event) => {
        // A click on the backdrop (the dialog itself, around the photo) closes it.
        if (event.target === dialog.current) close();
      }}
    >
      {shown && (
        <>
          <button type="button" className="button photo-lightbox-close" onClick={close} autoFocus>
            {t('lightbox.close')}
          </button>
          <img src={shown.src} alt={shown.alt} />
        </>
      )}
    </dialog>
  );
}
