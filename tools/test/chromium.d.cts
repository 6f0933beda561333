export function findChromium(): string | null;
export const MISSING_CHROMIUM: string;
