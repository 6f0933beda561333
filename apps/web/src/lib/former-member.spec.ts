import { gql } from '@apollo/client';
import { print } from 'graphql';
import { withClosedMarks } from './apollo';

describe('a closed account’s name', () => {
  it('is asked for with its closed mark wherever a name is selected', () => {
    const document = gql`
      query {
        thread(id: "t") {
          author {
            id
            displayName
          }
          title
        }
      }
    `;
    const printed = print(withClosedMarks.transformDocument(document));
    expect(printed).toMatch(/displayName\s+closed/);
    expect(printed.match(/closed/g)).toHaveLength(1);
  });
});
