// Public API of the event coder.
export { codeEvents, codeJsonLine, codeSentence } from './coder.js';
export { cameoInfo, ploverV05 } from './cameo.js';
export type { CodedEvent, EventContext, EventInput, Modality, QuadClass } from './types.js';
export type { Discourse } from './anaphora.js';
