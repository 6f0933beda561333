import { safeReturnPath } from '@parvis/domain';

/**
 * Every mail Parvis sends, in French, English and Spanish: a subject, a plain-text body and an
 * HTML body with the brand's name and one link built from PUBLIC_URL. A notification mail also
 * says how to stop such mails (its unsubscribe link).
 */
/** NOTIFICATION and REPORT mails are worded by the domain that sends them (params subject, greeting, body, action, path). */
export const MAIL_KINDS = [
  'EMAIL_CONFIRM',
  'EMAIL_CHANGE_CONFIRM',
  'ACCOUNT_EXISTS',
  'PASSWORD_RESET',
  'NOTIFICATION',
  'REPORT',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
type DomainWorded = 'NOTIFICATION' | 'REPORT';

export const MAIL_LOCALES = ['fr', 'en', 'es'] as const;
export type MailLocale = (typeof MAIL_LOCALES)[number];

export function mailLocale(locale: string | null | undefined): MailLocale {
  return (MAIL_LOCALES as readonly string[]).includes(locale ?? '') ? (locale as MailLocale) : 'en';
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  brandName: string;
  publicUrl: string;
  /** Public and secret parameters, together. */
  params: Record<string, string>;
  /** The one-click unsubscribe page, for notification mails. */
  unsubscribeUrl: string | null;
}

interface Content {
  subject: string;
  greeting: string;
  paragraphs: string[];
  action: string;
  /** Path (and query) under PUBLIC_URL. */
  path: string;
  after?: string;
}

type Words = Record<MailLocale, (p: Record<string, string>, brand: string) => Omit<Content, 'path'>>;

const hello: Record<MailLocale, (name: string) => string> = {
  fr: (name) => `Bonjour ${name},`,
  en: (name) => `Hello ${name},`,
  es: (name) => `Hola ${name}:`,
};

const IGNORE: Record<MailLocale, string> = {
  fr: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne change.',
  en: 'If you did not ask for this, ignore this message: nothing changes.',
  es: 'Si no lo ha solicitado usted, ignore este mensaje: no cambia nada.',
};

const WORDS: Record<Exclude<MailKind, DomainWorded>, Words> = {
  EMAIL_CONFIRM: {
    fr: (p, brand) => ({
      subject: `Confirmez votre adresse e-mail pour ${brand}`,
      greeting: hello.fr(p.displayName),
      paragraphs: [
        `Bienvenue dans la communauté ${brand} ! Vous pouvez déjà lire et écrire.`,
        'Confirmez votre adresse pour recevoir les e-mails de la communauté (réponses, notifications) :',
      ],
      action: 'Confirmer mon adresse',
      after: IGNORE.fr,
    }),
    en: (p, brand) => ({
      subject: `Confirm your e-mail address for ${brand}`,
      greeting: hello.en(p.displayName),
      paragraphs: [
        `Welcome to the ${brand} community! You can already read and post.`,
        'Confirm your address to receive the community’s e-mails (replies, notifications):',
      ],
      action: 'Confirm my address',
      after: IGNORE.en,
    }),
    es: (p, brand) => ({
      subject: `Confirme su dirección de correo para ${brand}`,
      greeting: hello.es(p.displayName),
      paragraphs: [
        `¡Bienvenido a la comunidad ${brand}! Ya puede leer y publicar.`,
        'Confirme su dirección para recibir los correos de la comunidad (respuestas, notificaciones):',
      ],
      action: 'Confirmar mi dirección',
      after: IGNORE.es,
    }),
  },
  EMAIL_CHANGE_CONFIRM: {
    fr: (p, brand) => ({
      subject: `Confirmez votre nouvelle adresse e-mail pour ${brand}`,
      greeting: hello.fr(p.displayName),
      paragraphs: [`Pour utiliser ${p.newEmail} sur votre compte ${brand}, confirmez-la :`],
      action: 'Confirmer cette adresse',
      after: IGNORE.fr,
    }),
    en: (p, brand) => ({
      subject: `Confirm your new e-mail address for ${brand}`,
      greeting: hello.en(p.displayName),
      paragraphs: [`To use ${p.newEmail} on your ${brand} account, confirm it:`],
      action: 'Confirm this address',
      after: IGNORE.en,
    }),
    es: (p, brand) => ({
      subject: `Confirme su nueva dirección de correo para ${brand}`,
      greeting: hello.es(p.displayName),
      paragraphs: [`Para usar ${p.newEmail} en su cuenta de ${brand}, confírmela:`],
      action: 'Confirmar esta dirección',
      after: IGNORE.es,
    }),
  },
  ACCOUNT_EXISTS: {
    fr: (p, brand) => ({
      subject: `Vous avez déjà un compte ${brand}`,
      greeting: hello.fr(p.displayName),
      paragraphs: [
        `Quelqu’un (vous, sans doute) a voulu créer un compte ${brand} avec cette adresse, qui en a déjà un.`,
        'Connectez-vous, ou choisissez un nouveau mot de passe si vous l’avez oublié :',
      ],
      action: 'Choisir un nouveau mot de passe',
      after: IGNORE.fr,
    }),
    en: (p, brand) => ({
      subject: `You already have a ${brand} account`,
      greeting: hello.en(p.displayName),
      paragraphs: [
        `Someone (probably you) tried to create a ${brand} account with this address, which already has one.`,
        'Sign in, or choose a new password if you forgot it:',
      ],
      action: 'Choose a new password',
      after: IGNORE.en,
    }),
    es: (p, brand) => ({
      subject: `Ya tiene una cuenta de ${brand}`,
      greeting: hello.es(p.displayName),
      paragraphs: [
        `Alguien (probablemente usted) intentó crear una cuenta de ${brand} con esta dirección, que ya tiene una.`,
        'Inicie sesión, o elija una nueva contraseña si la ha olvidado:',
      ],
      action: 'Elegir una nueva contraseña',
      after: IGNORE.es,
    }),
  },
  PASSWORD_RESET: {
    fr: (p, brand) => ({
      subject: `Choisissez un nouveau mot de passe pour ${brand}`,
      greeting: hello.fr(p.displayName),
      paragraphs: [
        'Ce lien vous permet de choisir un nouveau mot de passe. Il sert une seule fois et expire dans une heure ; vos autres sessions seront fermées.',
      ],
      action: 'Choisir un nouveau mot de passe',
      after: IGNORE.fr,
    }),
    en: (p, brand) => ({
      subject: `Choose a new password for ${brand}`,
      greeting: hello.en(p.displayName),
      paragraphs: [
        'This link lets you choose a new password. It works once and expires in one hour; your other sessions will be signed out.',
      ],
      action: 'Choose a new password',
      after: IGNORE.en,
    }),
    es: (p, brand) => ({
      subject: `Elija una nueva contraseña para ${brand}`,
      greeting: hello.es(p.displayName),
      paragraphs: [
        'Este enlace le permite elegir una nueva contraseña. Sirve una sola vez y caduca en una hora; se cerrarán sus otras sesiones.',
      ],
      action: 'Elegir una nueva contraseña',
      after: IGNORE.es,
    }),
  },
};

const PATHS: Record<Exclude<MailKind, DomainWorded>, (p: Record<string, string>) => string> = {
  EMAIL_CONFIRM: (p) => `/confirm-email?token=${encodeURIComponent(p.token)}${returnQuery(p.returnTo)}`,
  EMAIL_CHANGE_CONFIRM: (p) => `/confirm-email?token=${encodeURIComponent(p.token)}`,
  ACCOUNT_EXISTS: () => '/forgot-password',
  PASSWORD_RESET: (p) => `/reset-password?token=${encodeURIComponent(p.token)}`,
};

/** The page to come back to after confirming, checked again here: a mail links to this site only. */
function returnQuery(returnTo: string | undefined): string {
  const path = safeReturnPath(returnTo);
  return path ? `&returnTo=${encodeURIComponent(path)}` : '';
}

const FOOTER: Record<MailLocale, { sentBy: (brand: string) => string; unsubscribe: string }> = {
  fr: { sentBy: (brand) => `Envoyé par ${brand}.`, unsubscribe: 'Ne plus recevoir ces e-mails' },
  en: { sentBy: (brand) => `Sent by ${brand}.`, unsubscribe: 'Stop these e-mails' },
  es: { sentBy: (brand) => `Enviado por ${brand}.`, unsubscribe: 'No recibir más estos correos' },
};

export function renderMail(kind: MailKind, locale: MailLocale, ctx: RenderContext): RenderedMail {
  const content: Content =
    kind === 'NOTIFICATION' || kind === 'REPORT'
      ? {
          // Worded by the domain that sends them, in the recipient's language.
          subject: ctx.params.subject,
          greeting: ctx.params.greeting ?? '',
          paragraphs: (ctx.params.body ?? '').split('\n\n').filter(Boolean),
          action: ctx.params.action,
          path: ctx.params.path,
        }
      : { ...WORDS[kind][locale](ctx.params, ctx.brandName), path: PATHS[kind](ctx.params) };
  const link = `${ctx.publicUrl}${content.path}`;
  const footer = FOOTER[locale];

  const text = [
    content.greeting,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    `${content.action}: ${link}`,
    '',
    ...(content.after ? [content.after, ''] : []),
    '-- ',
    `${footer.sentBy(ctx.brandName)} ${ctx.publicUrl}`,
    ...(ctx.unsubscribeUrl ? [`${footer.unsubscribe}: ${ctx.unsubscribeUrl}`] : []),
  ]
    .join('\n')
    .trim();

  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${e(content.subject)}</title></head>
<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,sans-serif;color:#1c1917">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-weight:700;font-size:18px">${e(ctx.brandName)}</p>
${content.greeting ? `<p>${e(content.greeting)}</p>\n` : ''}${content.paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<p><a href="${e(link)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${e(content.action)}</a></p>
<p style="font-size:13px;color:#57534e">${e(link)}</p>
${content.after ? `<p style="font-size:13px;color:#57534e">${e(content.after)}</p>\n` : ''}</div>
<p style="max-width:560px;margin:12px auto 0;font-size:12px;color:#78716c">${e(footer.sentBy(ctx.brandName))} <a href="${e(ctx.publicUrl)}">${e(ctx.publicUrl)}</a>${
    ctx.unsubscribeUrl ? ` · <a href="${e(ctx.unsubscribeUrl)}">${e(footer.unsubscribe)}</a>` : ''
  }</p>
</body></html>`;

  return { subject: content.subject, text, html };
}

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
