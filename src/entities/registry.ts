// Across articles: local entities merge into canonical ones. People meet through a surname key
// (an index, not a scan) and then must agree on every name word they share; countries by ISO code;
// organisations by normalised name. Each merge is recorded, so that it can be undone.
import type { LocalEntity } from './types.js';
import { nameCompatible, nameTokens, normaliseName, surnameKey } from './names.js';

/**
 * An entity across articles: what matching needs (names, aliases with counts, type, country),
 * and the roles and merges found since the registry was loaded, for the store to append. The
 * store keeps them all; the registry does not read them back, since nothing it decides depends on
 * them, and reading every entity's roles, merges and articles made each run's load grow with
 * everything ever stored.
 */
export interface CanonicalEntity extends Omit<LocalEntity, 'roles'> {
  /** Role -> ids of the articles it was seen in (since load). */
  roles: Map<string, Set<string>>;
  /** Local keys merged into this entity, with the article they came from (since load, in order). */
  merged: { localKey: string; article: string }[];
}

/** A canonical entity as the store gives it back: what matching reads. */
export type RestoredEntity = Omit<CanonicalEntity, 'roles' | 'merged'>;

export class EntityRegistry {
  private readonly byKey = new Map<string, CanonicalEntity>();
  private readonly bySurname = new Map<string, CanonicalEntity[]>();
  /** Organisations by the initials of their multi-word names ('IDF' -> Israel Defense Forces). */
  private readonly byInitials = new Map<string, CanonicalEntity>();
  /** Places, organisations and other non-person entities by their normalised names. */
  private readonly byName = new Map<string, CanonicalEntity>();

  all(): CanonicalEntity[] {
    return [...this.byKey.values()];
  }

  get(key: string): CanonicalEntity | undefined {
    return this.byKey.get(key);
  }

  /**
   * Restores a canonical entity saved earlier (its names and aliases; roles and merges start empty),
   * with every index a live run would hold for it: a run that starts from the store must decide as
   * the run before it would have gone on deciding (the initials index was once left out, so an
   * acronym in a later run no longer met the name it spells).
   */
  restore(e: RestoredEntity): void {
    const c: CanonicalEntity = { ...e, roles: new Map(), merged: [] };
    this.byKey.set(c.key, c);
    if (c.type === 'PERSON') this.indexSurname(c);
    else this.indexName(c);
    if (c.type === 'ORG') for (const alias of c.aliases.keys()) this.indexInitials(c, alias);
  }

  /** Merges one article's entity; returns the canonical entity it now belongs to. */
  add(local: LocalEntity, article: string): CanonicalEntity {
    const target = this.find(local) ?? this.create(local);
    this.absorb(target, local, article);
    return target;
  }

  private find(local: LocalEntity): CanonicalEntity | undefined {
    if (local.type === 'ORG' && /^[A-Z]{2,6}$/.test(local.name)) return this.byKey.get(local.key) ?? this.byInitials.get(local.name);
    if (local.type !== 'PERSON') return this.byKey.get(local.key);
    const other = this.otherThanPerson(local);
    if (other) return other;
    const candidates = (this.bySurname.get(surnameKey(local.name)) ?? []).filter(
      (c) => (nameCompatible(local.name, c.name) || nameCompatible(c.name, local.name)) && (!local.country || !c.country || local.country === c.country),
    );
    if (candidates.length === 0) return undefined;
    // Several people share the surname: the one mentioned most often is the likelier referent.
    // Ties go to the smaller key: the list's order differs between a live run and a restored one.
    return candidates.sort((a, b) => mentionCount(b) - mentionCount(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];
  }

  private create(local: LocalEntity): CanonicalEntity {
    const e: CanonicalEntity = {
      key: local.key,
      name: local.name,
      type: local.type,
      country: local.country,
      sector: local.sector,
      aliases: new Map(),
      roles: new Map(),
      merged: [],
    };
    this.byKey.set(e.key, e);
    if (e.type === 'PERSON') this.indexSurname(e);
    else this.indexName(e);
    return e;
  }

  private indexSurname(e: CanonicalEntity): void {
    const k = surnameKey(e.name);
    this.bySurname.set(k, [...(this.bySurname.get(k) ?? []), e]);
  }

  /** A person whose canonical name grew ('Bagheri' -> 'Reza Bagheri') is filed under the new name's surname, as a restored one is. */
  private reindexSurname(e: CanonicalEntity, oldName: string): void {
    const before = surnameKey(oldName);
    if (before === surnameKey(e.name)) return;
    this.bySurname.set(before, (this.bySurname.get(before) ?? []).filter((x) => x !== e));
    this.indexSurname(e);
  }

  /** Initials stand for the most mentioned organisation with a name that spells them (see `prefer`). */
  private indexInitials(e: CanonicalEntity, alias: string): void {
    const ini = initialsOf(alias);
    if (ini.length >= 2 && prefer(e, this.byInitials.get(ini))) this.byInitials.set(ini, e);
  }

  /** A normalised name stands for the most mentioned entity of that name (see `prefer`). */
  private indexName(e: CanonicalEntity): void {
    const k = normaliseName(e.name);
    if (prefer(e, this.byName.get(k))) this.byName.set(k, e);
  }

  /**
   * A name the tagger read as a person in one article that other articles give, far more often, as a
   * place or an organisation ('SeaMicro' as PER in a headline, ORG in 200 mentions elsewhere) is that
   * entity: at least five mentions of it, three times as many as this article's, and no person of
   * that name mentioned more often.
   */
  private otherThanPerson(local: LocalEntity): CanonicalEntity | undefined {
    const other = this.byName.get(normaliseName(local.name));
    if (!other) return undefined;
    const n = mentionCount(other);
    let mine = 0;
    for (const c of local.aliases.values()) mine += c;
    if (n < 5 || n < 3 * mine) return undefined;
    const person = this.byKey.get(local.key);
    if (person && mentionCount(person) >= n) return undefined;
    return other;
  }

  private absorb(e: CanonicalEntity, local: LocalEntity, article: string): void {
    // The fullest form of a person's name becomes the canonical one.
    if (e.type === 'PERSON' && nameTokens(local.name).length > nameTokens(e.name).length) {
      const old = e.name;
      e.name = local.name;
      this.reindexSurname(e, old);
    }
    e.country ??= local.country;
    e.sector ??= local.sector;
    for (const [alias, n] of local.aliases) {
      e.aliases.set(alias, (e.aliases.get(alias) ?? 0) + n);
      if (e.type === 'ORG') this.indexInitials(e, alias);
    }
    for (const role of local.roles) {
      const set = e.roles.get(role) ?? new Set<string>();
      set.add(article);
      e.roles.set(role, set);
    }
    e.merged.push({ localKey: local.key, article });
    if (e.type !== 'PERSON') this.indexName(e);
  }
}

/** Initials of a multi-word name, small words skipped: 'Israel Defense Forces' -> 'IDF'. */
function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '';
}

/**
 * Whether `e` should replace `have` in an index: more mentions, ties to the smaller key. A choice
 * that depends only on the counts, not on the order entities appeared and grew in, comes out the
 * same in a live run and in one restored from the store (which reads entities in another order).
 */
function prefer(e: CanonicalEntity, have: CanonicalEntity | undefined): boolean {
  if (!have) return true;
  const d = mentionCount(e) - mentionCount(have);
  return d > 0 || (d === 0 && e.key < have.key);
}

function mentionCount(e: CanonicalEntity): number {
  let n = 0;
  for (const c of e.aliases.values()) n += c;
  return n;
}
