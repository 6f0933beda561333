import { scoreTone, toneWords } from './tone';

const toneOf = (text: string) => scoreTone(text).tone;

describe('the tone of a post', () => {
  it('reads angry complaints as negative in French, English and Spanish', () => {
    expect(toneOf('Service client inexistant, je suis très déçue. C’est inacceptable.')).toBe('NEGATIVE');
    expect(toneOf('Third delivery delayed in a row, this is unacceptable')).toBe('NEGATIVE');
    expect(toneOf('Es una vergüenza, el peor servicio que he tenido.')).toBe('NEGATIVE');
  });

  it('reads thanks and praise as positive in the three languages', () => {
    expect(toneOf('Ça marche, merci beaucoup !')).toBe('POSITIVE');
    expect(toneOf('Great answer, thanks a lot, it works now.')).toBe('POSITIVE');
    expect(toneOf('¡Muchas gracias, excelente respuesta!')).toBe('POSITIVE');
  });

  it('reads a plain question as neutral', () => {
    expect(toneOf('How do I export my order history as a CSV file?')).toBe('NEUTRAL');
    expect(toneOf('Est-ce que je peux changer l’adresse de livraison ?')).toBe('NEUTRAL');
    expect(scoreTone('')).toEqual({ tone: 'NEUTRAL', score: 0 });
  });

  it('ignores accents and case: "DÉÇUE" weighs what "decue" weighs', () => {
    expect(scoreTone('DÉÇUE')).toEqual(scoreTone('decue'));
    expect(toneWords('Très déçue, l’appli')).toEqual(['tres', 'decue', 'l', 'appli']);
  });

  it('turns a negated positive word negative: "pas content", "not happy", "no funciona"', () => {
    expect(toneOf('content')).toBe('POSITIVE');
    expect(toneOf('Je ne suis pas content')).toBe('NEGATIVE');
    expect(toneOf('happy')).toBe('POSITIVE');
    expect(toneOf('I am not happy')).toBe('NEGATIVE');
    expect(toneOf('I’m not happy')).toBe('NEGATIVE');
    expect(toneOf('La aplicación no funciona')).toBe('NEGATIVE');
    expect(toneOf('It doesn’t work, it didn’t work yesterday either, it isn’t working')).toBe('NEGATIVE');
  });

  it('softens a negated negative word rather than making it praise: "not bad"', () => {
    const notBad = scoreTone('not bad').score;
    expect(notBad).toBeGreaterThan(0);
    expect(notBad).toBeLessThan(scoreTone('good').score);
  });

  it('lets negation reach three words only', () => {
    expect(toneOf('No idea why, but it works well now, thanks')).toBe('POSITIVE');
  });

  it('weighs a word more after an intensifier: "très déçue" below "déçue", "really good" above "good"', () => {
    expect(scoreTone('très déçue').score).toBeLessThan(scoreTone('déçue').score);
    expect(scoreTone('really good').score).toBeGreaterThan(scoreTone('good').score);
    expect(scoreTone('muy malo').score).toBeLessThan(scoreTone('malo').score);
  });

  it('counts "no answer" / "sans réponse" / "sin respuesta" as complaints', () => {
    expect(toneOf('Trois e-mails sans réponse')).toBe('NEGATIVE');
    expect(toneOf('Still no answer after a week')).toBe('NEGATIVE');
    expect(toneOf('Dos semanas sin respuesta')).toBe('NEGATIVE');
  });

  it('lets exclamation marks push the tone further, and keeps the score between -1 and 1', () => {
    expect(scoreTone('bad!!!').score).toBeLessThan(scoreTone('bad').score);
    const extreme = scoreTone('terrible awful horrible worst scam '.repeat(20));
    expect(extreme.score).toBeGreaterThanOrEqual(-1);
    expect(extreme.tone).toBe('NEGATIVE');
  });
});
