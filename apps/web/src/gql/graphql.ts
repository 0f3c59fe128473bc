/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The kind of residence document. */
export type Aufenthaltsart =
  /** Temporary residence permit, e.g. a humanitarian title under §§ 22–26 AufenthG. */
  | 'AUFENTHALTSERLAUBNIS'
  /** Permission to stay for the asylum procedure (§ 55 AsylG). */
  | 'AUFENTHALTSGESTATTUNG'
  /** Temporary suspension of removal (§ 60a AufenthG). */
  | 'DULDUNG'
  /** Permanent settlement permit. */
  | 'NIEDERLASSUNGSERLAUBNIS';

/** How a report breaks its figures down. */
export type Berichtsgruppierung =
  /** By calendar month. */
  | 'MONAT'
  /** By calendar week, Monday to Sunday. */
  | 'WOCHE';

/** Roles in a Bedarfsgemeinschaft. */
export type BgRolle =
  /** The person who applies for the Bedarfsgemeinschaft. */
  | 'ANTRAGSTELLENDE_PERSON'
  /** A child under 25 in the household. */
  | 'KIND'
  /** The applicant's partner. */
  | 'PARTNER';

/** Where an Integration Point case stands. */
export type FallStatus =
  /** Closed; read-only. */
  | 'ABGESCHLOSSEN'
  /** Being worked on in the Integration Point. */
  | 'AKTIV'
  /** Handed over (to the Jobcenter after recognition, or to the regular organisation); read-only. */
  | 'UEBERGEBEN';

/** Sex as recorded in the residence document. */
export type Geschlecht =
  /** Male. */
  | 'MAENNLICH'
  /** Female. */
  | 'WEIBLICH';

/** Outcome of a Kindergeld decision. */
export type KindergeldErgebnis =
  /** Application refused. */
  | 'ABGELEHNT'
  /** Kindergeld granted. */
  | 'BEWILLIGT';

/** Where an SGB II application stands. */
export type Sgb2Leistungsstatus =
  /** Refused. */
  | 'ABGELEHNT'
  /** Received, not yet decided. */
  | 'BEANTRAGT'
  /** Granted. */
  | 'BEWILLIGT';

export type WebPersonenListeQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebPersonenListeQuery = { personen: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, identitaet: { vorname: string, nachname: string, geburtsdatum: string } | null } }> } };

export type WebPersonenkarteQueryVariables = Exact<{
  id: string | number;
}>;


export type WebPersonenkarteQuery = { person: { id: string, sgb2Leistungsstatus: Sgb2Leistungsstatus | null, identitaet: { azrNummer: string, vorname: string, nachname: string, geburtsdatum: string, geschlecht: Geschlecht, staatsangehoerigkeit: string } | null, aufenthalt: { einreiseAm: string, status: { art: Aufenthaltsart, rechtsgrundlage: string, gueltigAb: string, gueltigBis: string | null } | null } | null, integrationPointFall: { kundennummer: string, status: FallStatus, statusSeit: string, eroeffnetAm: string } | null, bedarfsgemeinschaft: { bgNummer: string, gegruendetAm: string, mitglieder: Array<{ rolle: BgRolle, seit: string }> } | null, kindergeldantraege: Array<{ id: string, kindergeldnummer: string, familienkasse: string, eingangAm: string, beschiedenAm: string | null, ergebnis: KindergeldErgebnis | null, faelligAm: string }> | null } | null };

export type SlaKennzahlenFelderFragment = { eingegangen: number, beschieden: number, eingehalten: number, verfehlt: number, offen: number, ueberfaellig: number, quoteEingehalten: number | null, medianArbeitstage: number | null, p90Arbeitstage: number | null };

export type WebSlaVerlaufQueryVariables = Exact<{
  von: string;
  bis: string;
  stichtag?: string | null | undefined;
  familienkasse?: string | number | null | undefined;
  gruppierung?: Berichtsgruppierung | null | undefined;
}>;


export type WebSlaVerlaufQuery = { kindergeldSlaBericht: { von: string, bis: string, stichtag: string, familienkasse: string | null, gesamt: { eingegangen: number, beschieden: number, eingehalten: number, verfehlt: number, offen: number, ueberfaellig: number, quoteEingehalten: number | null, medianArbeitstage: number | null, p90Arbeitstage: number | null }, ohnePaket: { eingegangen: number, beschieden: number, eingehalten: number, verfehlt: number, offen: number, ueberfaellig: number, quoteEingehalten: number | null, medianArbeitstage: number | null, p90Arbeitstage: number | null }, zeitraeume: Array<{ beginn: string, ende: string, kennzahlen: { eingegangen: number, beschieden: number, eingehalten: number, verfehlt: number, offen: number, ueberfaellig: number, quoteEingehalten: number | null, medianArbeitstage: number | null, p90Arbeitstage: number | null } }> } };

export type WebSlaFamilienkasseQueryVariables = Exact<{
  von: string;
  bis: string;
  stichtag?: string | null | undefined;
  familienkasse: string | number;
}>;


export type WebSlaFamilienkasseQuery = { kindergeldSlaBericht: { familienkasse: string | null, gesamt: { eingegangen: number, beschieden: number, eingehalten: number, verfehlt: number, offen: number, ueberfaellig: number, quoteEingehalten: number | null, medianArbeitstage: number | null, p90Arbeitstage: number | null } } };

export type WebUeberfaelligeAntraegeQueryVariables = Exact<{
  stichtag?: string | null | undefined;
  familienkasse?: string | number | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type WebUeberfaelligeAntraegeQuery = { ueberfaelligeKindergeldantraege: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kindergeldnummer: string, familienkasse: string, eingangAm: string, faelligAm: string, arbeitstageBisher: number } }> } };

export const SlaKennzahlenFelderFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SlaKennzahlenFelder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaKennzahlen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eingegangen"}},{"kind":"Field","name":{"kind":"Name","value":"beschieden"}},{"kind":"Field","name":{"kind":"Name","value":"eingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"verfehlt"}},{"kind":"Field","name":{"kind":"Name","value":"offen"}},{"kind":"Field","name":{"kind":"Name","value":"ueberfaellig"}},{"kind":"Field","name":{"kind":"Name","value":"quoteEingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"medianArbeitstage"}},{"kind":"Field","name":{"kind":"Name","value":"p90Arbeitstage"}}]}}]} as unknown as DocumentNode<SlaKennzahlenFelderFragment, unknown>;
export const WebPersonenListeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebPersonenListe"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"personen"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identitaet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"vorname"}},{"kind":"Field","name":{"kind":"Name","value":"nachname"}},{"kind":"Field","name":{"kind":"Name","value":"geburtsdatum"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WebPersonenListeQuery, WebPersonenListeQueryVariables>;
export const WebPersonenkarteDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebPersonenkarte"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"person"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"identitaet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"azrNummer"}},{"kind":"Field","name":{"kind":"Name","value":"vorname"}},{"kind":"Field","name":{"kind":"Name","value":"nachname"}},{"kind":"Field","name":{"kind":"Name","value":"geburtsdatum"}},{"kind":"Field","name":{"kind":"Name","value":"geschlecht"}},{"kind":"Field","name":{"kind":"Name","value":"staatsangehoerigkeit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"aufenthalt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"einreiseAm"}},{"kind":"Field","name":{"kind":"Name","value":"status"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"art"}},{"kind":"Field","name":{"kind":"Name","value":"rechtsgrundlage"}},{"kind":"Field","name":{"kind":"Name","value":"gueltigAb"}},{"kind":"Field","name":{"kind":"Name","value":"gueltigBis"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"integrationPointFall"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kundennummer"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"statusSeit"}},{"kind":"Field","name":{"kind":"Name","value":"eroeffnetAm"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bedarfsgemeinschaft"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bgNummer"}},{"kind":"Field","name":{"kind":"Name","value":"gegruendetAm"}},{"kind":"Field","name":{"kind":"Name","value":"mitglieder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rolle"}},{"kind":"Field","name":{"kind":"Name","value":"seit"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"sgb2Leistungsstatus"}},{"kind":"Field","name":{"kind":"Name","value":"kindergeldantraege"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindergeldnummer"}},{"kind":"Field","name":{"kind":"Name","value":"familienkasse"}},{"kind":"Field","name":{"kind":"Name","value":"eingangAm"}},{"kind":"Field","name":{"kind":"Name","value":"beschiedenAm"}},{"kind":"Field","name":{"kind":"Name","value":"ergebnis"}},{"kind":"Field","name":{"kind":"Name","value":"faelligAm"}}]}}]}}]}}]} as unknown as DocumentNode<WebPersonenkarteQuery, WebPersonenkarteQueryVariables>;
export const WebSlaVerlaufDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSlaVerlauf"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"von"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"gruppierung"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Berichtsgruppierung"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kindergeldSlaBericht"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"von"},"value":{"kind":"Variable","name":{"kind":"Name","value":"von"}}},{"kind":"Argument","name":{"kind":"Name","value":"bis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bis"}}},{"kind":"Argument","name":{"kind":"Name","value":"stichtag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}}},{"kind":"Argument","name":{"kind":"Name","value":"familienkasse"},"value":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}}},{"kind":"Argument","name":{"kind":"Name","value":"gruppierung"},"value":{"kind":"Variable","name":{"kind":"Name","value":"gruppierung"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"von"}},{"kind":"Field","name":{"kind":"Name","value":"bis"}},{"kind":"Field","name":{"kind":"Name","value":"stichtag"}},{"kind":"Field","name":{"kind":"Name","value":"familienkasse"}},{"kind":"Field","name":{"kind":"Name","value":"gesamt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SlaKennzahlenFelder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"ohnePaket"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SlaKennzahlenFelder"}}]}},{"kind":"Field","name":{"kind":"Name","value":"zeitraeume"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"beginn"}},{"kind":"Field","name":{"kind":"Name","value":"ende"}},{"kind":"Field","name":{"kind":"Name","value":"kennzahlen"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SlaKennzahlenFelder"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SlaKennzahlenFelder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaKennzahlen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eingegangen"}},{"kind":"Field","name":{"kind":"Name","value":"beschieden"}},{"kind":"Field","name":{"kind":"Name","value":"eingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"verfehlt"}},{"kind":"Field","name":{"kind":"Name","value":"offen"}},{"kind":"Field","name":{"kind":"Name","value":"ueberfaellig"}},{"kind":"Field","name":{"kind":"Name","value":"quoteEingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"medianArbeitstage"}},{"kind":"Field","name":{"kind":"Name","value":"p90Arbeitstage"}}]}}]} as unknown as DocumentNode<WebSlaVerlaufQuery, WebSlaVerlaufQueryVariables>;
export const WebSlaFamilienkasseDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebSlaFamilienkasse"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"von"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bis"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kindergeldSlaBericht"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"von"},"value":{"kind":"Variable","name":{"kind":"Name","value":"von"}}},{"kind":"Argument","name":{"kind":"Name","value":"bis"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bis"}}},{"kind":"Argument","name":{"kind":"Name","value":"stichtag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}}},{"kind":"Argument","name":{"kind":"Name","value":"familienkasse"},"value":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"familienkasse"}},{"kind":"Field","name":{"kind":"Name","value":"gesamt"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SlaKennzahlenFelder"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SlaKennzahlenFelder"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SlaKennzahlen"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"eingegangen"}},{"kind":"Field","name":{"kind":"Name","value":"beschieden"}},{"kind":"Field","name":{"kind":"Name","value":"eingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"verfehlt"}},{"kind":"Field","name":{"kind":"Name","value":"offen"}},{"kind":"Field","name":{"kind":"Name","value":"ueberfaellig"}},{"kind":"Field","name":{"kind":"Name","value":"quoteEingehalten"}},{"kind":"Field","name":{"kind":"Name","value":"medianArbeitstage"}},{"kind":"Field","name":{"kind":"Name","value":"p90Arbeitstage"}}]}}]} as unknown as DocumentNode<WebSlaFamilienkasseQuery, WebSlaFamilienkasseQueryVariables>;
export const WebUeberfaelligeAntraegeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WebUeberfaelligeAntraege"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ueberfaelligeKindergeldantraege"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stichtag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}}},{"kind":"Argument","name":{"kind":"Name","value":"familienkasse"},"value":{"kind":"Variable","name":{"kind":"Name","value":"familienkasse"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kindergeldnummer"}},{"kind":"Field","name":{"kind":"Name","value":"familienkasse"}},{"kind":"Field","name":{"kind":"Name","value":"eingangAm"}},{"kind":"Field","name":{"kind":"Name","value":"faelligAm"}},{"kind":"Field","name":{"kind":"Name","value":"arbeitstageBisher"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"stichtag"},"value":{"kind":"Variable","name":{"kind":"Name","value":"stichtag"}}}]}]}}]}}]}}]}}]} as unknown as DocumentNode<WebUeberfaelligeAntraegeQuery, WebUeberfaelligeAntraegeQueryVariables>;