//! Which WISEs a search's words match, and how well, from the words of every approved
//! WISE kept in its search facts ([`Words`]): a change to one WISE's text changes only
//! its own facts (the change feed), and both backends rank alike.
//!
//! A WISE matches when every word starts one of the words of its name or description,
//! or of one of its active offerings' title and description. Its relevance:
//! 1 + Σ idf(word) × (4 if in the name + 1 if in the description) when its own text
//! matches, plus ½ ln(1 + matching offerings); idf(word) = ln(1 + WISEs ÷ WISEs whose own
//! text has the word), counted among the WISEs that have every word somewhere, so rare
//! words weigh more.

use std::ops::Bound;

use super::*;

/// Every word of the catalogue's text (folded) with its number. Shared by the snapshots
/// of facts and copied only when a change brings a word it lacks; words no longer used
/// stay until the next full load.
#[derive(Debug, Clone, Default)]
pub(super) struct Vocabulary {
    ids: BTreeMap<Box<str>, u32>,
}

/// The words of one WISE in parts: its name, its description, and each active
/// offering's title and description; each part the numbers of its distinct words. One
/// array per WISE (matching walks every WISE's words, so they lie together), and a
/// signature of every word it has, so a search skips the WISEs that lack a word.
#[derive(Debug, Default)]
pub(super) struct Words {
    ids: Vec<u32>,
    /// Where each part ends in `ids`: name, description, then one per offering.
    ends: Vec<u32>,
    /// Bit `id % 64` of each of its words.
    signature: u64,
}

impl Words {
    pub(super) fn new(vocabulary: &mut Arc<Vocabulary>, name: &str, description: &str) -> Self {
        let mut words = Self::default();
        words.push(vocabulary, name);
        words.push(vocabulary, description);
        words
    }

    pub(super) fn add_offering(&mut self, vocabulary: &mut Arc<Vocabulary>, title: &str, description: &str) {
        self.push(vocabulary, &format!("{title} {description}"));
    }

    fn push(&mut self, vocabulary: &mut Arc<Vocabulary>, text: &str) {
        for id in tokens(vocabulary, text) {
            self.signature |= 1 << (id % 64);
            self.ids.push(id);
        }
        self.ends.push(u32::try_from(self.ids.len()).expect("fewer than 2³² words"));
    }

    /// Each part's words: name, description, the offerings.
    fn parts(&self) -> impl Iterator<Item = &[u32]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(self.ends.iter().copied()).map(|(from, to)| &self.ids[from as usize..to as usize])
    }
}

/// The distinct words of `text` as numbers of the vocabulary (adding those it lacks).
fn tokens(vocabulary: &mut Arc<Vocabulary>, text: &str) -> Vec<u32> {
    let folded = fold(text);
    let mut ids: Vec<u32> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|word| match vocabulary.ids.get(word) {
            Some(id) => *id,
            None => {
                let v = Arc::make_mut(vocabulary);
                let id = u32::try_from(v.ids.len()).expect("fewer than 2³² distinct words");
                v.ids.insert(word.into(), id);
                id
            }
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Vocabulary {
    /// For each word number, which of `words` (at most 8) it starts with: bit i for the
    /// i-th; and for each of `words`, the signature bits of the words it starts. The
    /// words starting with a prefix follow each other in the sorted vocabulary.
    fn masks(&self, words: &[String]) -> (Vec<u8>, Vec<u64>) {
        let mut masks = vec![0u8; self.ids.len()];
        let mut signatures = vec![0u64; words.len()];
        for (i, prefix) in words.iter().enumerate().take(MAX_WORDS) {
            let from = (Bound::Included(prefix.as_str()), Bound::Unbounded);
            for (_, id) in self.ids.range::<str, _>(from).take_while(|(w, _)| w.starts_with(prefix.as_str())) {
                masks[*id as usize] |= 1 << i;
                signatures[i] |= 1 << (id % 64);
            }
        }
        (masks, signatures)
    }
}

/// The approved WISEs whose text matches every one of `words`: id → (relevance,
/// matching offerings).
pub(super) fn text_matches(snapshot: &Snapshot, words: &[String]) -> TextMatches {
    let words = &words[..words.len().min(MAX_WORDS)];
    let (masks, signatures) = snapshot.vocabulary.masks(words);
    let all: u8 = u8::MAX >> (8 - words.len());
    let mask = |ids: &[u32]| ids.iter().fold(0u8, |m, id| m | masks[*id as usize]);

    let mut own_counts = [0usize; MAX_WORDS];
    let mut found: Vec<(i32, u8, u8, i64)> = Vec::new();
    for (id, facts) in &snapshot.facts {
        let w = &facts.words;
        // A WISE without one of the words anywhere matches none of them.
        if signatures.iter().any(|s| w.signature & s == 0) {
            continue;
        }
        let mut parts = w.parts();
        let name = parts.next().map_or(0, mask);
        let description = parts.next().map_or(0, mask);
        for (i, n) in own_counts.iter_mut().enumerate().take(words.len()) {
            *n += usize::from((name | description) & (1 << i) != 0);
        }
        let offerings = parts.filter(|o| mask(o) == all).count() as i64;
        if name | description == all || offerings > 0 {
            found.push((*id, name, description, offerings));
        }
    }

    let wises = snapshot.facts.len() as f64;
    let idf: Vec<f64> = own_counts[..words.len()].iter().map(|n| (1.0 + wises / (*n).max(1) as f64).ln()).collect();
    found
        .into_iter()
        .map(|(id, name, description, offerings)| {
            let mut score = 0.5 * (1.0 + offerings as f64).ln();
            if name | description == all {
                let weight = |i: usize| 4.0 * f64::from((name >> i) & 1) + f64::from((description >> i) & 1);
                score += 1.0 + idf.iter().enumerate().map(|(i, idf)| idf * weight(i)).sum::<f64>();
            }
            (id, (score, offerings))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WISE's name, description, and its offerings' titles and descriptions.
    type Wise<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

    fn snapshot(wises: &[Wise]) -> Snapshot {
        let mut vocabulary = Arc::default();
        let facts = wises
            .iter()
            .enumerate()
            .map(|(i, (name, description, offerings))| {
                let mut words = Words::new(&mut vocabulary, name, description);
                for (title, text) in offerings.iter() {
                    words.add_offering(&mut vocabulary, title, text);
                }
                (i as i32 + 1, Arc::new(Facts { words, ..Default::default() }))
            })
            .collect();
        Snapshot::of(facts, vocabulary)
    }

    #[test]
    fn every_word_matches_by_prefix_in_own_text_or_in_one_offering() {
        let s = snapshot(&[
            ("Groen Werk", "Hoveniers en schoonmaak", &[("Snoeien", "bomen")]),
            ("Fietsfabriek", "Reparatie van fietsen", &[("Fietsen repareren", "ook e-bikes"), ("Koffie", "")]),
            ("Café Één", "koffie en lunch", &[]),
            ("Drukkerij", "", &[("Werkkleding", "bedrukt"), ("Flyers", "drukwerk")]),
        ]);
        let ids = |words: &[&str]| {
            let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            let mut ids: Vec<i32> = text_matches(&s, &words).into_keys().collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(ids(&["werk"]), [1, 4]);
        assert_eq!(ids(&["fiets", "repar"]), [2]);
        assert_eq!(ids(&["koffie"]), [2, 3]);
        assert_eq!(ids(&["cafe", "een"]), [3]);
        // Both words must be in the WISE's own text or both in one offering.
        assert_eq!(ids(&["snoeien", "schoonmaak"]), Vec::<i32>::new());
        assert_eq!(ids(&["bikes", "fietsen"]), [2]);
        assert_eq!(ids(&["xyz"]), Vec::<i32>::new());
        let m = text_matches(&s, &["fiets".to_string()]);
        assert_eq!(m[&2].1, 1);
    }

    #[test]
    fn the_name_weighs_more_than_the_description_and_rare_words_more_than_common_ones() {
        let s = snapshot(&[
            ("Schoonmaak Noord", "", &[]),
            ("Noord BV", "schoonmaak", &[]),
            ("Oost", "schoonmaak en groen", &[]),
            ("West", "schoonmaak", &[("Schoonmaak", "kantoren")]),
        ]);
        let m = text_matches(&s, &["schoonmaak".to_string()]);
        assert!(m[&1].0 > m[&2].0);
        assert!(m[&4].0 > m[&2].0, "matching offerings add to the relevance");
        let groen = text_matches(&s, &["groen".to_string()]);
        assert!(groen[&3].0 > m[&3].0, "a rare word weighs more");
    }

    #[test]
    fn the_vocabulary_is_copied_only_for_new_words() {
        let s = snapshot(&[("Groen Werk", "", &[])]);
        let mut shared = Arc::clone(&s.vocabulary);
        Words::new(&mut shared, "werk", "groen");
        assert!(Arc::ptr_eq(&shared, &s.vocabulary));
        Words::new(&mut shared, "werk", "fietsen");
        assert!(!Arc::ptr_eq(&shared, &s.vocabulary));
        assert_eq!(shared.ids.len(), 3);
    }
}
