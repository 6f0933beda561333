// Words for the scale benchmark's posts, per language, most frequent first: the everyday words of
// a brand's help community (function words, then the vocabulary of accounts, payments, parcels,
// devices), then a long tail of rare words. Words are drawn with a Zipf-like law (rank r with a
// probability ∝ 1/r), so that a few words are in most posts and most words in very few, as in
// real text: the benchmark's "everyday" query words match tens of thousands of posts, its "rare"
// ones a few dozen.

const COMMON = {
  en: `the to and a i my of is it in for you have on that with this not but be can your at was do
    from if me are so what an or has get there when just no will would how all any after now they
    account card payment app order refund phone help problem error password email delivery parcel
    bank transfer router internet connection update login code message support customer service
    time day week month still again working issue screen settings network wifi signal battery
    charge price invoice subscription plan contract address number mobile data package tracking
    store return exchange warranty repair replacement device laptop tablet printer cable box modem
    speed slow fast blocked locked reset change cancel activate install download upload send
    receive sms verification security fraud limit balance credit debit contactless online website
    question answer thanks please hello hi team agent chat call waiting days hours minutes yesterday
    today tomorrow morning evening`,
  fr: `le la de et je les des un une à mon ma mes est il en pour que qui pas sur avec ce dans ne
    au du se vous on mais par plus sont fait tout été avoir bien aussi comme depuis quand encore
    compte carte paiement application commande remboursement téléphone aide problème erreur mot
    passe courriel livraison colis banque virement box internet connexion mise jour identifiant
    code message service client conseiller temps jour semaine mois toujours marche souci écran
    réglages réseau wifi signal batterie charge prix facture abonnement forfait contrat adresse
    numéro mobile données suivi magasin retour échange garantie réparation remplacement appareil
    ordinateur tablette imprimante câble modem débit lent rapide bloquée bloqué réinitialiser
    changer annuler activer installer télécharger envoyer recevoir sms vérification sécurité fraude
    plafond solde crédit débit sans contact ligne site question réponse merci bonjour équipe
    attente heures minutes hier aujourd'hui demain matin soir`,
  es: `el la de que y en un una mi es no por con para los las se lo me al del como pero más ya
    hay tengo está son fue ha muy sin sobre también desde cuando todavía
    cuenta tarjeta pago aplicación pedido reembolso teléfono ayuda problema error contraseña correo
    entrega paquete banco transferencia router internet conexión actualización usuario código
    mensaje servicio cliente agente tiempo día semana mes sigue funciona pantalla ajustes red wifi
    señal batería carga precio factura suscripción plan contrato dirección número móvil datos
    seguimiento tienda devolución cambio garantía reparación sustitución dispositivo portátil
    tableta impresora cable módem velocidad lento rápido bloqueada bloqueado restablecer cancelar
    activar instalar descargar enviar recibir sms verificación seguridad fraude límite saldo
    crédito débito contacto línea web pregunta respuesta gracias hola equipo espera horas minutos
    ayer hoy mañana tarde noche`,
};

const SYLLABLES = {
  en: 'ba be bi bo bu ca ce co cu da de di do fa fe fi fo ga ge go ha he hi ho ja jo ka ke ki la le li lo lu ma me mi mo mu na ne ni no pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi wa we wi ya yo za ze zo'.split(
    ' ',
  ),
  fr: 'ba be bi bo bou ca ce ci co cou da de di do dou fa fe fi fo ga ge gi go la le li lo lou ma me mi mo mou na ne ni no nou pa pe pi po pou ra re ri ro rou sa se si so sou ta te ti to tou va ve vi vo vou'.split(
    ' ',
  ),
  es: 'ba be bi bo bu ca ce ci co cu cha che chi cho da de di do du fa fe fi fo ga go gu la le li lo lu lla llo ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za zo'.split(
    ' ',
  ),
};

/** A deterministic pseudo-random generator (mulberry32): the same seed gives the same community. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vocabulary of each language: the everyday words above, then `tail` rare made-up words. */
export function vocabulary(tail = 30000) {
  const result = {};
  for (const [language, text] of Object.entries(COMMON)) {
    const words = [...new Set(text.split(/\s+/).filter(Boolean))];
    const rnd = random(language.charCodeAt(0) * 7919 + language.charCodeAt(1));
    const seen = new Set(words);
    const syllables = SYLLABLES[language];
    while (words.length < COMMON_SIZE(text) + tail) {
      const n = 3 + Math.floor(rnd() * 3);
      let word = '';
      for (let i = 0; i < n; i++) word += syllables[Math.floor(rnd() * syllables.length)];
      if (!seen.has(word)) {
        seen.add(word);
        words.push(word);
      }
    }
    result[language] = words;
  }
  return result;
}

const COMMON_SIZE = (text) => new Set(text.split(/\s+/).filter(Boolean)).size;

/** A word of rank r (from 1) with probability ∝ 1/r: rank = ⌊n^u⌋ for u uniform in [0, 1). */
export function zipfWord(words, rnd) {
  return words[Math.min(words.length, Math.floor(Math.pow(words.length + 1, rnd()))) - 1];
}

export function sentence(words, rnd, length) {
  const out = [];
  for (let i = 0; i < length; i++) out.push(zipfWord(words, rnd));
  return out.join(' ');
}
