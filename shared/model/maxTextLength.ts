/** Longest text kept in one field; longer text is cut with a diagnostic (a title is not a novel). */
export const MAX_TEXT_LENGTH = 10_000
