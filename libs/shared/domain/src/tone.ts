/**
 * The tone of a post: NEGATIVE, NEUTRAL or POSITIVE, for French, English and Spanish, computed
 * locally from a small lexicon (no network, no model). It is a triage aid for staff and
 * moderators (negative, unanswered posts first), never a reason to hide anything.
 *
 * How it scores: the text is lower-cased and stripped of accents ("déçue" = "decue"), split into
 * words; each lexicon word weighs -3…+3; an intensifier just before it ("très", "really", "muy")
 * multiplies it by 1.5; a negation in the three words before it ("pas content", "not happy",
 * "no funciona") flips a positive word fully and softens a negative one ("not bad" is mildly
 * positive); a few phrases ("sans réponse", "no answer") count as one negative term. Up to three
 * exclamation marks push the sum further in its direction. The sum is squashed into -1…1 with
 * sum / sqrt(sum² + 15), and ±0.3 separates the labels.
 */
export const TONES = ['NEGATIVE', 'NEUTRAL', 'POSITIVE'] as const;
export type Tone = (typeof TONES)[number];

export interface ToneScore {
  tone: Tone;
  /** From -1 (very negative) to 1 (very positive). */
  score: number;
}

export const TONE_THRESHOLD = 0.3;
const SQUASH = 15;

const WORDS: Record<string, number> = Object.fromEntries(
  (
    [
      // English
      [
        -3,
        'terrible awful horrible worst hate hated furious unacceptable scam sucks pathetic incompetent disgusting outrageous',
      ],
      [
        -2,
        'bad worse angry disappointed disappointing useless broken rude fail failed fails failure crash crashes crashed annoying frustrating frustrated ridiculous poor ignored complaint shame nightmare upset',
      ],
      [
        -1,
        'slow delayed delay late problem problems issue issues error bug bugs wrong lost nobody stuck refused declined',
      ],
      [1, 'fast quick easy kind fine'],
      [
        2,
        'good thanks thank helpful happy glad works working worked fixed solved resolved nice satisfied pleased recommend appreciate',
      ],
      [3, 'great excellent amazing awesome love loved perfect wonderful best fantastic brilliant'],
      // French
      [
        -3,
        'nul nulle horrible inacceptable inadmissible furieux furieuse honteux honteuse scandale scandaleux arnaque incompetent incompetents pire lamentable deplorable',
      ],
      [
        -2,
        'mauvais mauvaise decu decue decus decues decevant decevante deception colere honte panne plante inexistant inexistante marre ridicule penible agace enerve enervant inutile ignore ignores',
      ],
      [-1, 'lent lente retard probleme problemes erreur bloque bloquee perdu perdue refuse refusee'],
      [1, 'bien bon bonne rapide facile'],
      [
        2,
        'merci content contente satisfait satisfaite top efficace fonctionne marche resolu resolue aime utile aimable super',
      ],
      [3, 'genial geniale excellent excellente parfait parfaite ravi ravie bravo formidable adore'],
      // Spanish
      [-3, 'pesimo pesima fatal inaceptable furioso furiosa verguenza estafa peor vergonzoso'],
      [
        -2,
        'malo mala decepcionado decepcionada decepcion enfadado enfadada fallo falla roto rota inutil ridiculo harto harta molesto molesta queja',
      ],
      [-1, 'lento lenta retraso problema problemas nadie bloqueado bloqueada'],
      [1, 'rapido rapida facil'],
      [
        2,
        'bueno buena gracias contento contenta satisfecho satisfecha funciona resuelto resuelta util recomiendo feliz',
      ],
      [3, 'genial excelente perfecto perfecta encantado encantada maravilloso increible'],
    ] as const
  ).flatMap(([weight, words]) => words.split(' ').map((word) => [word, weight] as const)),
);

/** Two-word phrases scored as one term (checked before single words). */
const PHRASES: Record<string, number> = {
  'sans reponse': -2,
  'no answer': -2,
  'no response': -2,
  'no reply': -2,
  'sin respuesta': -2,
  'en avoir marre': -2,
  'ras bol': -2,
};

const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'without',
  'nobody',
  'hardly',
  'ne',
  'n',
  'pas',
  'jamais',
  'aucun',
  'aucune',
  'rien',
  'sans',
  'nunca',
  'jamas',
  'ni',
  'sin',
  'tampoco',
  'nada',
]);

const INTENSIFIERS = new Set([
  'very',
  'really',
  'so',
  'extremely',
  'totally',
  'too',
  'absolutely',
  'completely',
  'incredibly',
  'tres',
  'vraiment',
  'trop',
  'tellement',
  'completement',
  'totalement',
  'extremement',
  'vachement',
  'muy',
  'realmente',
  'tan',
  'demasiado',
  'totalmente',
  'completamente',
  'sumamente',
]);

/** How many words a negation reaches: "je ne suis pas content" still negates "content". */
const NEGATION_SCOPE = 3;
const NEGATED_POSITIVE = -1;
const NEGATED_NEGATIVE = -0.5;
const INTENSITY = 1.5;

/** Lower-case words without accents; English "n't" becomes "not", French elisions ("n'", "l'") separate words. */
export function toneWords(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/n['’]t\b/g, ' not')
      .replace(/['’]/g, ' ')
      .match(/[a-z0-9]+/g) ?? []
  );
}

export function scoreTone(text: string): ToneScore {
  const words = toneWords(text);
  let sum = 0;
  let negatedUntil = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const phrase = i + 1 < words.length ? PHRASES[`${word} ${words[i + 1]}`] : undefined;
    if (phrase === undefined && NEGATORS.has(word)) {
      negatedUntil = i + NEGATION_SCOPE;
      continue;
    }
    let weight = phrase ?? WORDS[word];
    if (weight === undefined) continue;
    if (phrase !== undefined) i += 1;
    else if (i <= negatedUntil) weight *= weight > 0 ? NEGATED_POSITIVE : NEGATED_NEGATIVE;
    const previous = words[i - (phrase !== undefined ? 2 : 1)];
    if (previous && INTENSIFIERS.has(previous)) weight *= INTENSITY;
    sum += weight;
  }
  const exclamations = Math.min(3, (text.match(/!/g) ?? []).length);
  if (sum !== 0) sum += Math.sign(sum) * exclamations * 0.3;
  const score = Math.round((sum / Math.sqrt(sum * sum + SQUASH)) * 1000) / 1000;
  const tone: Tone = score <= -TONE_THRESHOLD ? 'NEGATIVE' : score >= TONE_THRESHOLD ? 'POSITIVE' : 'NEUTRAL';
  return { tone, score };
}
