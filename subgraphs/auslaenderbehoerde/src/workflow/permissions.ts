import type { Permission } from '@ip/kit/identity';

/** Residence status and facts are recorded by the Ausländerbehörde's case workers only. */
export const STATUS_ERFASSEN: Permission = { auslaenderbehoerde: ['sachbearbeitung'] };

/** Agentur and Jobcenter staff ask the ABH to clarify a person's status. */
export const KLAERUNG_ANFRAGEN: Permission = {
  agentur: ['integrationsfachkraft', 'eingangszone', 'teamleitung'],
  jobcenter: ['fallmanagement', 'sachbearbeitung', 'teamleitung'],
};

/** The inbox and its answers are the ABH's work. */
export const KLAERUNG_BEANTWORTEN: Permission = { auslaenderbehoerde: ['sachbearbeitung', 'teamleitung'] };

/** Turnaround figures hold no personal data: the ABH and every team lead. */
export const KLAERUNG_UEBERSICHT: Permission = {
  auslaenderbehoerde: ['sachbearbeitung', 'teamleitung'],
  agentur: ['teamleitung'],
  jobcenter: ['teamleitung'],
  familienkasse: ['teamleitung'],
};

/**
 * The list for the Agentur's initiative outreach: the Agentur's staff who see its lists, and the ABH's own case
 * workers. Not the data-protection role: it audits releases and has no use for a list of persons.
 */
export const PERSONEN_AUSWAHL: Permission = {
  agentur: ['eingangszone', 'integrationsfachkraft', 'teamleitung'],
  auslaenderbehoerde: ['sachbearbeitung', 'teamleitung'],
};
