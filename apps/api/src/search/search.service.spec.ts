import { highlighted } from './search.service';

describe('search snippets', () => {
  it('can carry no markup but the <mark> of matched words, whatever the post contains', () => {
    expect(highlighted('a \uE000carte\uE001 <script>alert("x")</script> & <img onerror=x>')).toBe(
      'a <mark>carte</mark> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img onerror=x&gt;',
    );
  });
});
