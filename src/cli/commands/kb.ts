import type { RegisterCommand } from './index.js';

/** `onconav kb …` — not yet implemented; registered so the command tree is stable. */
export const register: RegisterCommand = () => {};
