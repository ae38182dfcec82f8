// The quote layer: quotations with speakers, cues and relays.
export { findQuotes, type Quote, type Speaker, type QuoteMention } from './quotes.js';
