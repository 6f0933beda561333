import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const boundaries = require('./room-boundaries.cjs');

const ROOT = resolve(__dirname, '..', '..');

/** The rule alone, with the real ARCHITECTURE.md: which imports of `code` it refuses in `file`. */
function refusals(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: ROOT });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser },
        plugins: { parvis: boundaries },
        rules: { 'parvis/room-boundaries': 'error' },
      },
    ],
    { filename: join(ROOT, file) },
  );
  return messages.map((m) => m.message);
}

describe('imports follow the arrows of ARCHITECTURE.md', () => {
  it('lets a domain import what it declares, and its own files', () => {
    expect(
      refusals('apps/api/src/threads/probe.ts', `import { User } from '../identity/user.entity';`),
    ).toEqual([]);
    expect(refusals('apps/api/src/threads/probe.ts', `import { Post } from './post.entity';`)).toEqual([]);
    expect(
      refusals('apps/api/src/moderation/probe.ts', `import { Post } from '../threads/post.entity';`),
    ).toEqual([]);
  });

  it('refuses a domain importing moderation, which no domain declares', () => {
    const [message] = refusals(
      'apps/api/src/threads/probe.ts',
      `import { ModerationService } from '../moderation/moderation.service';`,
    );
    expect(message).toMatch(/threads may not import moderation/);
  });

  it('refuses the foundation (common, database, config, graphql) importing a domain', () => {
    for (const room of ['common', 'database', 'config', 'graphql']) {
      expect(
        refusals(`apps/api/src/${room}/probe.ts`, `import { Thread } from '../threads/thread.entity';`),
      ).toEqual([expect.stringMatching(new RegExp(`${room} may not import threads`))]);
    }
  });

  it('refuses notifications importing a domain entity', () => {
    expect(
      refusals('apps/api/src/notifications/probe.ts', `import type { Idea } from '../ideas/idea.entity';`),
    ).toEqual([expect.stringMatching(/notifications may not import ideas/)]);
  });

  it('refuses re-exports and dynamic imports across a missing arrow too', () => {
    expect(
      refusals('apps/api/src/spaces/probe.ts', `export { Thread } from '../threads/thread.entity';`),
    ).toHaveLength(1);
    expect(
      refusals('apps/api/src/spaces/probe.ts', `export const t = () => import('../threads/thread.entity');`),
    ).toHaveLength(1);
  });

  it('refuses a web feature importing another feature', () => {
    expect(
      refusals(
        'apps/web/src/ideas/components/Probe.tsx',
        `import { ThreadList } from '../../threads/components/ThreadList';`,
      ),
    ).toEqual([expect.stringMatching(/ideas may not import threads/)]);
  });

  it('lets a feature import a room given by its folder (the generated gql index)', () => {
    expect(refusals('apps/web/src/threads/api/probe.ts', `import { graphql } from '../../gql';`)).toEqual([]);
  });

  it('lets the web app shell compose the features', () => {
    expect(
      refusals(
        'apps/web/src/app/routes/Probe.tsx',
        `import { ThreadList } from '../../threads/components/ThreadList';`,
      ),
    ).toEqual([]);
  });

  it('refuses lib/ and components/ importing a feature', () => {
    expect(refusals('apps/web/src/lib/probe.ts', `import en from '../threads/i18n/en.json';`)).toHaveLength(
      1,
    );
    expect(
      refusals('apps/web/src/components/Probe.tsx', `import { x } from '../ideas/api/ideas';`),
    ).toHaveLength(1);
  });

  it('refuses the web importing API code', () => {
    expect(
      refusals(
        'apps/web/src/threads/probe.ts',
        `import { Thread } from '../../../api/src/threads/thread.entity';`,
      ),
    ).toEqual([expect.stringMatching(/web app imports no API code/)]);
  });

  it('refuses libs importing an app', () => {
    expect(
      refusals(
        'libs/shared/domain/src/probe.ts',
        `import { Viewer } from '../../../../apps/api/src/common/viewer';`,
      ),
    ).toEqual([expect.stringMatching(/libs\/ import no app/)]);
  });

  it('refuses a room the diagram does not know', () => {
    expect(
      refusals('apps/api/src/gadgets/probe.ts', `import { Post } from '../threads/post.entity';`),
    ).toEqual([expect.stringMatching(/gadgets is not a room of ARCHITECTURE.md/)]);
  });
});

describe('npm run lint', () => {
  // The real configuration and command: a forbidden import written into the tree fails the lint.
  const lintFails = (file: string, code: string): string => {
    const path = join(ROOT, file);
    writeFileSync(path, code);
    try {
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', path],
        {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: 'pipe',
        },
      );
      return 'lint passed';
    } catch (error) {
      return String((error as { stdout?: string }).stdout);
    } finally {
      rmSync(path, { force: true });
    }
  };

  it('fails on a domain importing moderation', () => {
    const probe = `apps/api/src/threads/boundary-probe-${process.pid}.ts`;
    const output = lintFails(
      probe,
      `import { ModerationService } from '../moderation/moderation.service';\nexport const probe = ModerationService;\n`,
    );
    expect(output).toMatch(/threads may not import moderation.*parvis\/room-boundaries/);
  });

  it('fails on a web feature importing another feature', () => {
    const probe = `apps/web/src/ideas/boundary-probe-${process.pid}.ts`;
    const output = lintFails(
      probe,
      `import { SearchPage } from '../search/components/SearchPage';\nexport const probe = SearchPage;\n`,
    );
    expect(output).toMatch(/ideas may not import search.*parvis\/room-boundaries/);
  });
});
