/** One person as a case worker sees it, from all four partners: the request the operations tests send. */
export const PERSON_VIEW = `query PersonAnsicht($id: ID!) {
  person(id: $id) {
    id
    identitaet { azrNummer vorname nachname geburtsdatum staatsangehoerigkeit }
    aufenthalt { einreiseAm status { art rechtsgrundlage gueltigAb nebenbestimmungen } }
    integrationPointFall { kundennummer status verlauf { am art notiz } }
    bedarfsgemeinschaft { bgNummer mitglieder { rolle person { id identitaet { nachname } } } }
    kindergeldantraege { kindergeldnummer eingangAm ergebnis kinder { vorname nachname geburtsdatum } }
  }
}`;
