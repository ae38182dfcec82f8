import { describe, expect, it } from 'vitest';
import { nameCompatible, sameNameWord, skeleton, surnameKey } from '../../src/entities/names.js';
import { roleBefore, roleSector, splitRole } from '../../src/entities/roles.js';

describe('name keys', () => {
  it('groups transliteration variants', () => {
    for (const [a, b] of [
      ['Yusuf', 'Youssef'],
      ['Muhammad', 'Mohammed'],
      ['Khalid', 'Khaled'],
      ['Sergei', 'Sergey'],
      ['Haqqani', 'Haghani'],
      ['Tchaikovsky', 'Chaikovsky'],
    ] as const)
      expect(sameNameWord(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['Hassan', 'Hussein'],
      ['Karim', 'Kamal'],
      ['Omar', 'Amir'],
      ['Li', 'Lu'],
    ] as const)
      expect(sameNameWord(a, b), `${a} !~ ${b}`).toBe(false);
    expect(skeleton('Hassan')).toBe(skeleton('Hussein'));
  });

  it('matches partial names by surname and shared given names', () => {
    expect(nameCompatible('Haddad', 'Karim al-Haddad')).toBe(true);
    expect(nameCompatible('Karim Hadad', 'Karim Youssef al-Haddad')).toBe(true);
    expect(nameCompatible('Omar Haddad', 'Karim al-Haddad')).toBe(false);
    expect(nameCompatible('Karim', 'Karim al-Haddad')).toBe(false);
    expect(surnameKey('Karim el-Haddad')).toBe(surnameKey('Haddad'));
  });
});

describe('roles', () => {
  it('splits ranks and offices off names, with their sector', () => {
    expect(splitRole('Lt. Gen. Omar Haddad')).toEqual({ role: 'Lt. Gen.', name: 'Omar Haddad' });
    expect(splitRole('Foreign Minister Lena Park')).toEqual({ role: 'Foreign Minister', name: 'Lena Park' });
    expect(splitRole('Lena Park')).toEqual({ role: null, name: 'Lena Park' });
    expect(roleSector('Lt. Gen.')).toBe('MIL');
    expect(roleSector('Foreign Minister')).toBe('GOV');
    expect(roleSector('army chief of staff')).toBe('MIL');
  });

  it('reads the role written just before a name', () => {
    const text = 'The visit was led by Norwegian Defence Minister Lena Park on Monday.';
    const at = text.indexOf('Lena');
    expect(roleBefore(text, at)).toEqual({ role: 'Defence Minister', start: text.indexOf('Defence') });
    expect(roleBefore('He met Lena Park.', 7)).toBeNull();
  });
});
