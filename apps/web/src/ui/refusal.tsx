import { extensionText, type GraphError } from '../graphql/client.ts';
import { behoerde, GRUENDE, KATEGORIEN } from './labels.ts';

/**
 * Why a part of the answer is missing, in the words of the partner's error: which owner withheld which
 * category and that consent is missing, a role that may not ask, or a partner that did not answer.
 */
function describeError(error: GraphError): { titel: string; text: string } {
  const extensions = error.extensions ?? {};
  switch (extensions['code']) {
    case 'EINWILLIGUNG_FEHLT': {
      const kategorie = extensionText(error, 'kategorie');
      return {
        titel: `${behoerde(extensions['eigentuemer'])} gibt nicht frei`,
        text: `${behoerde(extensions['eigentuemer'])} gibt die Kategorie „${KATEGORIEN[kategorie.toUpperCase()] ?? kategorie}“ nicht an ${behoerde(extensions['empfaenger'])} frei: Es fehlt die Einwilligung der Person, und kein Gesetz erlaubt die Übermittlung.`,
      };
    }
    case 'FORBIDDEN':
      return {
        titel: 'Für Ihre Rolle nicht freigegeben',
        // The message is the partner's English for developers; the page says it in German.
        text: 'Der Partner gibt diese Angaben an Ihre Behörde und Rolle nicht heraus (FORBIDDEN).',
      };
    case 'PARTNER_NICHT_ERREICHBAR': {
      const grund = extensionText(error, 'grund');
      return {
        titel: `${behoerde(extensions['partner'])} hat nicht geantwortet`,
        text: `${behoerde(extensions['partner'])} hat nicht geantwortet: ${GRUENDE[grund] ?? grund}. Die übrigen Angaben gelten.`,
      };
    }
    case 'BAD_USER_INPUT':
      return {
        titel: 'Eingabe abgelehnt',
        text: `${error.message}${extensions['field'] ? ` (Feld ${extensionText(error, 'field')})` : ''}`,
      };
    default:
      return {
        titel: 'Fehler',
        text: `${error.message}${extensions['code'] ? ` (${extensionText(error, 'code')})` : ''}`,
      };
  }
}

/** A refusal or failure where the data would be: never an empty box. */
export function Refusal({ errors }: { readonly errors: readonly GraphError[] }) {
  return (
    <>
      {errors.map((error, index) => {
        const { titel, text } = describeError(error);
        return (
          <div className="refusal" role="note" key={index} data-code={extensionText(error, 'code')}>
            <strong>{titel}</strong>
            <p>{text}</p>
          </div>
        );
      })}
    </>
  );
}
