// Speech cues as data: the verbs that introduce reported speech, and the nominal speakers that
// stand for a body ('the broadcaster', 'a military spokesman').

export const SPEECH_VERBS = [
  'said', 'says', 'say', 'added', 'adds', 'told', 'tells', 'stressed', 'stresses', 'warned', 'warns', 'vowed', 'vows',
  'insisted', 'insists', 'declared', 'declares', 'stated', 'states', 'noted', 'notes', 'explained', 'explains',
  'asserted', 'asserts', 'claimed', 'claims', 'announced', 'announces', 'argued', 'argues', 'wrote', 'writes',
  'tweeted', 'posted', 'continued', 'concluded', 'affirmed', 'emphasized', 'emphasised', 'pledged', 'promised',
  'threatened', 'charged', 'complained', 'acknowledged', 'admitted', 'replied', 'responded', 'remarked', 'urged',
  'asked', 'demanded', 'reiterated', 'observed', 'suggested', 'confirmed', 'denied', 'quipped', 'cautioned',
];

export const SPEECH_VERB_RE = SPEECH_VERBS.join('|');

/** Nominal speakers: a determiner, up to three modifiers, and one of these heads. */
export const NOMINAL_HEADS = [
  'broadcaster', 'spokesman', 'spokeswoman', 'spokesperson', 'statement', 'official', 'officials', 'agency', 'ministry',
  'television', 'media', 'minister', 'commander', 'source', 'sources', 'report', 'newspaper', 'channel', 'army', 'military',
  'government', 'office', 'president', 'leader', 'general', 'analyst', 'diplomat', 'envoy', 'embassy', 'police', 'witness',
];

export const PRONOUNS = /^(he|she|they|it|we)$/i;
