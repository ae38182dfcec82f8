// Across articles: local entities merge into canonical ones. People meet through a surname key
// (an index, not a scan) and then must agree on every name word they share; countries by ISO code;
// organisations by normalised name. Each merge is recorded, so that it can be undone.
import type { LocalEntity } from './types.js';
import { nameCompatible, nameTokens, surnameKey } from './names.js';

/** An entity across articles: a local entity's fields, with roles and mentions tied to their articles. */
export interface CanonicalEntity extends Omit<LocalEntity, 'roles'> {
  /** Role -> article ids it was seen in. */
  roles: Map<string, Set<string>>;
  articles: Set<string>;
  /** Local keys merged into this entity, with the article they came from. */
  merged: { localKey: string; article: string }[];
}

export class EntityRegistry {
  private readonly byKey = new Map<string, CanonicalEntity>();
  private readonly bySurname = new Map<string, CanonicalEntity[]>();
  /** Organisations by the initials of their multi-word names ('IDF' -> Israel Defense Forces). */
  private readonly byInitials = new Map<string, CanonicalEntity>();

  all(): CanonicalEntity[] {
    return [...this.byKey.values()];
  }

  get(key: string): CanonicalEntity | undefined {
    return this.byKey.get(key);
  }

  /** Restores a canonical entity saved earlier (aliases and roles included). */
  restore(e: Omit<CanonicalEntity, 'merged'> & { merged?: CanonicalEntity['merged'] }): void {
    const c: CanonicalEntity = { ...e, merged: e.merged ?? [] };
    this.byKey.set(c.key, c);
    if (c.type === 'PERSON') {
      const k = surnameKey(c.name);
      this.bySurname.set(k, [...(this.bySurname.get(k) ?? []), c]);
    }
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
    const candidates = (this.bySurname.get(surnameKey(local.name)) ?? []).filter(
      (c) => (nameCompatible(local.name, c.name) || nameCompatible(c.name, local.name)) && (!local.country || !c.country || local.country === c.country),
    );
    if (candidates.length === 0) return undefined;
    // Several people share the surname: the one mentioned most often is the likelier referent.
    return candidates.sort((a, b) => mentionCount(b) - mentionCount(a))[0];
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
      articles: new Set(),
      merged: [],
    };
    this.byKey.set(e.key, e);
    if (e.type === 'PERSON') {
      const k = surnameKey(e.name);
      this.bySurname.set(k, [...(this.bySurname.get(k) ?? []), e]);
    }
    return e;
  }

  private absorb(e: CanonicalEntity, local: LocalEntity, article: string): void {
    // The fullest form of a person's name becomes the canonical one.
    if (e.type === 'PERSON' && nameTokens(local.name).length > nameTokens(e.name).length) e.name = local.name;
    e.country ??= local.country;
    e.sector ??= local.sector;
    for (const [alias, n] of local.aliases) {
      e.aliases.set(alias, (e.aliases.get(alias) ?? 0) + n);
      if (e.type === 'ORG') {
        const ini = initialsOf(alias);
        if (ini.length >= 2 && !this.byInitials.has(ini)) this.byInitials.set(ini, e);
      }
    }
    for (const role of local.roles) {
      const set = e.roles.get(role) ?? new Set<string>();
      set.add(article);
      e.roles.set(role, set);
    }
    e.articles.add(article);
    e.merged.push({ localKey: local.key, article });
  }
}

/** Initials of a multi-word name, small words skipped: 'Israel Defense Forces' -> 'IDF'. */
function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  return words.length >= 2 ? words.map((w) => w[0]).join('') : '';
}

function mentionCount(e: CanonicalEntity): number {
  let n = 0;
  for (const c of e.aliases.values()) n += c;
  return n;
}
