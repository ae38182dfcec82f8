// A page written to attack whoever displays it: script tags, event handlers, javascript: and
// data: links, an off-site image and frame, and markdown/HTML injection in the title and text.
// Every attack that works sets window.__pwned or makes a request to 203.0.113.9 (a documentation
// address that no test machine reaches).
export const HOSTILE_MARKER = 'Harbour pilots strike';

export const HOSTILE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${HOSTILE_MARKER} &lt;script&gt;window.__pwned='title'&lt;/script&gt; **bold** [go](javascript:window.__pwned='md')</title>
<link rel="canonical" href="javascript:window.__pwned='canonical'">
<meta property="og:site_name" content="&lt;img src=x onerror=window.__pwned='outlet'&gt;">
<meta name="author" content="&lt;b onmouseover=window.__pwned='author'&gt;Reporter&lt;/b&gt;">
<script>window.__pwned = 'head'</script>
</head><body>
<article>
<h1>${HOSTILE_MARKER} &lt;script&gt;window.__pwned='h1'&lt;/script&gt;</h1>
<p>The harbour pilots of the northern port walked out on Monday, the union said, after talks on night shifts failed. &lt;script&gt;window.__pwned='text'&lt;/script&gt; The port authority said ships would wait at anchor.</p>
<p>"We will not sail tired crews into a storm," said union leader Mara Quillon &lt;img src="http://203.0.113.9/leak.png" onerror="window.__pwned='img'"&gt; at the gate. <img src="http://203.0.113.9/pixel.png" onerror="window.__pwned='real-img'"></p>
<p>Read the statement at [the union site](javascript:window.__pwned='md-link') or <a href="javascript:window.__pwned='a'">here</a> or <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">there</a>. &lt;a href="javascript:window.__pwned='a-text'"&gt;click&lt;/a&gt; &lt;iframe src="http://203.0.113.9/frame"&gt;&lt;/iframe&gt;</p>
<p onclick="window.__pwned='p'">The port authority said on Tuesday that the strike cost the harbour two days of traffic and that talks with the pilots would resume on Friday in the town hall.</p>
<iframe src="http://203.0.113.9/frame"></iframe>
</article></body></html>`;
