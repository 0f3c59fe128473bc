/** Text for an HTML attribute value in double quotes. */
function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The explorer's HTML. It carries no inline script (the CSP allows none): what the page's script needs,
 * the agencies and roles of the token helper, travels in a data attribute; without the helper the
 * attribute is missing and the page shows none.
 */
export function explorerPage(options: {
  readonly tokenHelper: Readonly<Record<string, readonly string[]>> | undefined;
}): string {
  const helper = options.tokenHelper ? ` data-token-helper="${attribute(JSON.stringify(options.tokenHelper))}"` : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integration Point graph – Explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="graphiql.min.css">
<link rel="stylesheet" href="explorer.css">
<script src="react.production.min.js" defer></script>
<script src="react-dom.production.min.js" defer></script>
<script src="graphiql.min.js" defer></script>
<script src="explorer.js" defer></script>
</head>
<body${helper}>
<noscript>Der Explorer braucht JavaScript.</noscript>
<div id="explorer"></div>
</body>
</html>
`;
}
