import type { Permission } from '@ip/kit/identity';

/** The intake opens cases: the reception desk (Eingangszone), the specialists, and the team lead. */
export const FALL_EROEFFNEN: Permission = { agentur: ['eingangszone', 'integrationsfachkraft', 'teamleitung'] };

/** Only a team lead takes a customer of the regular organisation in, against the default (Rahmenkonzept §3). */
export const BESTANDSKUNDE_UEBERNEHMEN = 'teamleitung';

/** Case work: competences, courses, appointments, hand-over, closing. */
export const FALL_BEARBEITEN: Permission = { agentur: ['integrationsfachkraft', 'teamleitung'] };

/** Invitations are sent from the reception desk as well. */
export const TERMIN_VEREINBAREN: Permission = { agentur: ['eingangszone', 'integrationsfachkraft', 'teamleitung'] };

/** Lists that name persons and cases: the Agentur's own staff. */
export const LISTEN_SEHEN: Permission = { agentur: ['eingangszone', 'integrationsfachkraft', 'teamleitung'] };

/** Steering the Integration Point: caseload and due hand-overs. */
export const STEUERN: Permission = { agentur: ['integrationsfachkraft', 'teamleitung'] };

/** The criteria are agreed between the partners and entered by the Agentur's team lead. */
export const KRITERIEN_FESTLEGEN: Permission = { agentur: ['teamleitung'] };
