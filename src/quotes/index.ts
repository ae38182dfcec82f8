// The quote layer: quotations with speakers, cues and relays.
export { findQuotes, type Quote, type FindQuotesOptions, type CueType, type MentionInput, type SpeakerSpan } from './quotes.js';
