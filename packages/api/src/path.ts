/** A path segment from an id, escaped. */
export const segment = (id: string): string => encodeURIComponent(id);
