// Titles, ranks, offices and occupations written before a name ('Maj. Gen.', 'Minister',
// 'Editor'), each with the sector (CAMEO actor type) that holding it implies. The entity layer
// reads them to split a role from a name (src/entities/roles.ts).

export type Sector = 'GOV' | 'MIL' | 'REB' | 'OPP' | 'COP' | 'JUD' | 'LEG' | 'MED' | 'BUS' | 'EDU' | 'REL' | 'HLH' | 'NGO' | 'IGO' | 'CVL' | 'SPY' | 'ELI';

/** Role words (lower case; abbreviations with their dots) and the sector they imply. */
export const ROLE_WORDS: [string, Sector][] = [
  // Military ranks and posts.
  ['gen.', 'MIL'], ['general', 'MIL'], ['maj.', 'MIL'], ['major', 'MIL'], ['lt.', 'MIL'], ['lieutenant', 'MIL'],
  ['col.', 'MIL'], ['colonel', 'MIL'], ['brig.', 'MIL'], ['brigadier', 'MIL'], ['adm.', 'MIL'], ['admiral', 'MIL'],
  ['capt.', 'MIL'], ['captain', 'MIL'], ['sgt.', 'MIL'], ['sergeant', 'MIL'], ['cmdr.', 'MIL'], ['commander', 'MIL'],
  ['marshal', 'MIL'], ['field', 'MIL'], ['rear', 'MIL'], ['vice', 'GOV'], ['chief', 'GOV'], ['staff', 'GOV'],
  ['army', 'MIL'], ['military', 'MIL'], ['armed', 'MIL'], ['forces', 'MIL'], ['corps', 'MIL'],
  // Government offices.
  ['president', 'GOV'], ['prime', 'GOV'], ['minister', 'GOV'], ['secretary', 'GOV'], ['chancellor', 'GOV'],
  ['premier', 'GOV'], ['king', 'GOV'], ['queen', 'GOV'], ['prince', 'GOV'], ['crown', 'GOV'], ['emir', 'GOV'], ['sheikh', 'GOV'],
  ['ayatollah', 'REL'], ['supreme', 'GOV'], ['leader', 'GOV'], ['foreign', 'GOV'], ['defense', 'GOV'], ['defence', 'GOV'],
  ['interior', 'GOV'], ['finance', 'GOV'], ['deputy', 'GOV'], ['ambassador', 'GOV'], ['envoy', 'GOV'], ['spokesman', 'GOV'],
  ['spokeswoman', 'GOV'], ['spokesperson', 'GOV'], ['governor', 'GOV'], ['mayor', 'GOV'], ['national', 'GOV'], ['security', 'GOV'],
  ['adviser', 'GOV'], ['advisor', 'GOV'], ['state', 'GOV'], ['gov.', 'GOV'], ['pres.', 'GOV'], ['sec.', 'GOV'],
  ['sen.', 'LEG'], ['senator', 'LEG'], ['rep.', 'LEG'], ['representative', 'LEG'], ['speaker', 'LEG'], ['lawmaker', 'LEG'], ['mp', 'LEG'],
  ['judge', 'JUD'], ['justice', 'JUD'], ['attorney', 'JUD'], ['prosecutor', 'JUD'],
  ['police', 'COP'], ['inspector', 'COP'], ['detective', 'COP'], ['sheriff', 'COP'],
  ['pope', 'REL'], ['cardinal', 'REL'], ['archbishop', 'REL'], ['bishop', 'REL'], ['rabbi', 'REL'], ['imam', 'REL'], ['cleric', 'REL'], ['rev.', 'REL'],
  ['ceo', 'BUS'], ['chairman', 'BUS'], ['chairwoman', 'BUS'], ['executive', 'BUS'], ['founder', 'BUS'],
  ['dr.', 'ELI'], ['prof.', 'EDU'], ['professor', 'EDU'],
  ['mr.', 'ELI'], ['mrs.', 'ELI'], ['ms.', 'ELI'], ['sir', 'ELI'], ['lord', 'ELI'], ['lady', 'ELI'],
  // Courtesy titles without the dot, as British style writes them ('Mr Ging').
  ['mr', 'ELI'], ['mrs', 'ELI'], ['ms', 'ELI'], ['dr', 'ELI'],
  // Local offices.
  ['councilman', 'LEG'], ['councilwoman', 'LEG'], ['councillor', 'LEG'], ['councilor', 'LEG'], ['alderman', 'LEG'],
  ['assemblyman', 'LEG'], ['assemblywoman', 'LEG'], ['congressman', 'LEG'], ['congresswoman', 'LEG'], ['commissioner', 'GOV'],
  // Occupations written like titles before a name, sports positions among them ('Rovers RB Tom Hale',
  // 'Editor Mara Quill'): roles of civilians.
  ['coach', 'CVL'], ['quarterback', 'CVL'], ['qb', 'CVL'], ['rb', 'CVL'], ['wr', 'CVL'], ['receiver', 'CVL'], ['linebacker', 'CVL'],
  ['cornerback', 'CVL'], ['halfback', 'CVL'], ['fullback', 'CVL'], ['tailback', 'CVL'], ['lineman', 'CVL'], ['kicker', 'CVL'],
  ['punter', 'CVL'], ['pitcher', 'CVL'], ['shortstop', 'CVL'], ['outfielder', 'CVL'], ['striker', 'CVL'], ['midfielder', 'CVL'],
  ['goalkeeper', 'CVL'], ['goalie', 'CVL'], ['boxer', 'CVL'], ['heavyweight', 'CVL'], ['champion', 'CVL'], ['rookie', 'CVL'],
  ['actor', 'CVL'], ['actress', 'CVL'], ['singer', 'CVL'], ['rapper', 'CVL'], ['comedian', 'CVL'], ['director', 'CVL'],
  ['producer', 'CVL'], ['editor', 'MED'], ['reporter', 'MED'], ['correspondent', 'MED'], ['columnist', 'MED'], ['anchor', 'MED'],
  ['officer', 'COP'], ['trooper', 'COP'], ['agent', 'COP'], ['inmate', 'CVL'], ['suspect', 'CVL'], ['owner', 'BUS'],
  ['lawyer', 'JUD'], ['head', 'GOV'], ['assistant', 'GOV'], ['interim', 'GOV'], ['acting', 'GOV'], ['former', 'GOV'],
  // Joining words inside a role ('Chief of Staff', 'Minister of Defense').
  ['of', 'GOV'], ['the', 'GOV'], ['for', 'GOV'], ['and', 'GOV'],
];
