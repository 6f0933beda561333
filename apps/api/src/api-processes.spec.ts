import { apiProcessArgs } from './api-processes';

describe('the Node options of an API process', () => {
  it('add V8’s semi-space size to this process’s options', () => {
    expect(apiProcessArgs(['--enable-source-maps'], 32)).toEqual([
      '--enable-source-maps',
      '--max-semi-space-size=32',
    ]);
  });

  it('leave V8’s default with 0, and a size given on the command line as it is', () => {
    expect(apiProcessArgs(['--cpu-prof'], 0)).toEqual(['--cpu-prof']);
    expect(apiProcessArgs(['--max-semi-space-size=8'], 32)).toEqual(['--max-semi-space-size=8']);
    expect(apiProcessArgs(['--max_semi_space_size=8'], 32)).toEqual(['--max_semi_space_size=8']);
  });
});
