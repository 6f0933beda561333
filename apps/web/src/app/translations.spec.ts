import { resources } from './translations';

type Messages = { [key: string]: string | Messages };

/** Every key of a namespace, nested keys joined with dots, plural forms (`_one`, `_many`…) as one. */
function keysOf(messages: Messages, prefix = ''): Set<string> {
  const keys = new Set<string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === 'string') keys.add(prefix + key.replace(/_(zero|one|two|few|many|other)$/, ''));
    else for (const nested of keysOf(value, `${prefix}${key}.`)) keys.add(nested);
  }
  return keys;
}

const difference = (a: Set<string>, b: Set<string>) => [...a].filter((key) => !b.has(key)).sort();

describe('every word in the reader’s language', () => {
  const namespaces = Object.keys(resources.en) as (keyof typeof resources.en)[];

  it.each(namespaces)(
    'French and Spanish say everything English says in “%s”, and nothing more',
    (namespace) => {
      const english = keysOf(resources.en[namespace]);
      for (const language of ['fr', 'es'] as const) {
        const translated = keysOf(resources[language][namespace]);
        expect({ language, missing: difference(english, translated) }).toEqual({ language, missing: [] });
        expect({ language, unknown: difference(translated, english) }).toEqual({ language, unknown: [] });
      }
    },
  );

  it('has the same namespaces in every language', () => {
    expect(Object.keys(resources.fr).sort()).toEqual(namespaces.sort());
    expect(Object.keys(resources.es).sort()).toEqual(namespaces.sort());
  });
});
