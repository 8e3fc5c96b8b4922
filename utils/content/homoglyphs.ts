// Cyrillic and Greek letters that look like Latin ones (the "confusables" a rogue shop uses to
// write "viаgrа" with a Cyrillic а so a word filter misses it), mapped to the Latin letter a
// reader sees. Only letters whose usual glyphs are indistinguishable from the Latin ones in
// common fonts (after Unicode's confusables.txt), both cases. Dependency-free: content script.

/** Pairs: look-alike, then the lower-case Latin letter it reads as. */
const PAIRS =
  // Cyrillic lower case
  'аaвbеeёeкkмmнhоoрpсcтtуyхxіiїiјjѕsԁdԛqԝwһhӏl' +
  // Cyrillic upper case
  'АaВbЕeЁeКkМmНhОoРpСcТtУyХxІiЇiЈjЅsԚqԜwҺhӀl' +
  // Greek lower case
  'αaοoνvιiκkρpτtυuχxϲcϳj' +
  // Greek upper case
  'ΑaΒbΕeΖzΗhΙiΚkΜmΝnΟoΡpΤtΥyΧxϹc';

export const HOMOGLYPHS: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let i = 0; i + 1 < PAIRS.length; i += 2)
    map.set(PAIRS.charCodeAt(i), PAIRS.charCodeAt(i + 1));
  return map;
})();
