import type { Permission } from '@ip/kit/identity';

/** The Jobcenter hands out packets with the SGB II application; the Integration Point and the Familienkasse may too. */
export const PAKET_AUSGEBEN: Permission = {
  jobcenter: ['fallmanagement', 'sachbearbeitung'],
  agentur: ['integrationsfachkraft', 'eingangszone'],
  familienkasse: ['sachbearbeitung'],
};

/** Receipt and decision are the Familienkasse's own work. */
export const ANTRAG_BEARBEITEN: Permission = { familienkasse: ['sachbearbeitung'] };

/** The overdue list names applications and persons: the Familienkasse's own staff only. */
export const UEBERFAELLIGE_SEHEN: Permission = { familienkasse: ['sachbearbeitung', 'teamleitung'] };

/** The SLA report holds figures, no personal data: every team lead of the Integration Point and the Familienkasse. */
export const BERICHT_SEHEN: Permission = {
  familienkasse: ['sachbearbeitung', 'teamleitung', 'datenschutz'],
  agentur: ['teamleitung'],
  jobcenter: ['teamleitung'],
  auslaenderbehoerde: ['teamleitung'],
};
