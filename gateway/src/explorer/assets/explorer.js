// The explorer page: GraphiQL (from the gateway's own copy of the npm package) against this gateway, and on
// the embedded default a token helper that asks the local issuer for a token of a chosen agency and role.
// Plain browser script, loaded after React, ReactDOM and GraphiQL's builds; no bundler, no other host.
(function () {
  'use strict';
  var h = React.createElement;
  var GRAPHQL_URL = new URL('/graphql', window.location.href).toString();
  var DEFAULT_QUERY = [
    '# Jede Anfrage braucht ein Token: oben „Token holen“,',
    '# oder unter Headers {"Authorization": "Bearer …"}.',
    'query Personen {',
    '  personen(first: 5) {',
    '    totalCount',
    '    edges { node { id identitaet { vorname nachname } aufenthalt { status { art } } } }',
    '  }',
    '}',
    '',
  ].join('\n');

  var helperRoles = document.body.dataset.tokenHelper ? JSON.parse(document.body.dataset.tokenHelper) : null;
  var state = { token: null, label: null, generation: 0 };

  function hasAuthorization(headers) {
    return Object.keys(headers || {}).some(function (name) {
      return name.toLowerCase() === 'authorization';
    });
  }

  // A header the user typed under "Headers" wins over the helper's token.
  function fetcher(params, options) {
    var headers = Object.assign(
      { 'content-type': 'application/json', accept: 'application/json' },
      (options && options.headers) || {},
    );
    if (state.token && !hasAuthorization(options && options.headers)) headers.authorization = 'Bearer ' + state.token;
    return fetch(GRAPHQL_URL, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(
      function (response) {
        return response.json();
      },
    );
  }

  function TokenHelper() {
    var agencies = Object.keys(helperRoles);
    var agencyState = React.useState(agencies[0]);
    var agency = agencyState[0];
    var roleState = React.useState(helperRoles[agencies[0]][0]);
    var role = roleState[0];
    var errorState = React.useState(null);
    var busyState = React.useState(false);

    function chooseAgency(event) {
      agencyState[1](event.target.value);
      roleState[1](helperRoles[event.target.value][0]);
    }

    function submit(event) {
      event.preventDefault();
      busyState[1](true);
      fetch('token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agency: agency, role: role }),
      })
        .then(function (response) {
          return response.json();
        })
        .then(function (answer) {
          if (!answer.token) throw new Error(answer.error || 'kein Token');
          state.token = answer.token;
          state.label = agency + ' / ' + role;
          state.generation += 1;
          errorState[1](null);
          render();
        })
        .catch(function (error) {
          errorState[1]('Fehler: ' + error.message);
        })
        .finally(function () {
          busyState[1](false);
        });
    }

    return h(
      'form',
      { className: 'ip-token-helper', onSubmit: submit, 'aria-label': 'Token des lokalen Ausstellers' },
      h('strong', null, 'Lokaler Aussteller'),
      h(
        'label',
        null,
        'Behörde ',
        h(
          'select',
          { name: 'agency', value: agency, onChange: chooseAgency },
          agencies.map(function (name) {
            return h('option', { key: name, value: name }, name);
          }),
        ),
      ),
      h(
        'label',
        null,
        'Rolle ',
        h(
          'select',
          {
            name: 'role',
            value: role,
            onChange: function (event) {
              roleState[1](event.target.value);
            },
          },
          helperRoles[agency].map(function (name) {
            return h('option', { key: name, value: name }, name);
          }),
        ),
      ),
      h('button', { type: 'submit', disabled: busyState[0] }, 'Token holen'),
      h(
        'output',
        { role: 'status' },
        errorState[0] || (state.label ? 'Token für ' + state.label + ' (8 Stunden gültig)' : 'Noch kein Token'),
      ),
    );
  }

  function Explorer() {
    return h(
      'div',
      { className: 'ip-explorer' },
      helperRoles
        ? h(TokenHelper, null)
        : h(
            'p',
            { className: 'ip-token-helper' },
            'Token Ihres Identitätsanbieters unter „Headers“ eintragen: {"Authorization": "Bearer …"}',
          ),
      h(
        'div',
        { className: 'ip-graphiql' },
        // A new token remounts GraphiQL, so it loads the schema again with the new caller.
        h(GraphiQL, {
          key: state.generation,
          fetcher: fetcher,
          defaultQuery: DEFAULT_QUERY,
          shouldPersistHeaders: false,
        }),
      ),
    );
  }

  var root = ReactDOM.createRoot(document.getElementById('explorer'));
  function render() {
    root.render(h(Explorer, null));
  }
  render();
})();
