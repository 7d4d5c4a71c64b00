/** The shape of a catalogue part: every message in both languages. */
export type Catalogue = Record<string, { zh: string; en: string }>;
