//! Which WISEs a search's words match, and how well, from the words of every approved
//! WISE kept in its search facts ([`Words`]): a change to one WISE's text changes only
//! its own facts (the change feed), and both backends rank alike.
//!
//! A WISE matches when every word starts one of the words of its name or description,
//! or of one of its active offerings' title and description. Its relevance:
//! 1 + Σ idf(word) × (4 if in the name + 1 if in the description) when its own text
//! matches, plus ½ ln(1 + matching offerings); idf(word) = ln(1 + WISEs ÷ WISEs whose own
//! text has the word), so rare words weigh more.

use std::ops::Bound;

use super::*;

/// Every word of the catalogue's text (folded) with its number. Shared by the snapshots
/// of facts and copied only when a change brings a word it lacks; words no longer used
/// stay until the next full load.
#[derive(Debug, Clone, Default)]
pub(super) struct Vocabulary {
    ids: BTreeMap<Box<str>, u32>,
}

/// The words of one WISE: its name, its description, and each active offering's title
/// and description; each list the numbers of its distinct words, sorted.
#[derive(Debug, Default)]
pub(super) struct Words {
    name: Box<[u32]>,
    description: Box<[u32]>,
    offerings: Vec<Box<[u32]>>,
}

impl Words {
    pub(super) fn new(vocabulary: &mut Arc<Vocabulary>, name: &str, description: &str) -> Self {
        Self { name: tokens(vocabulary, name), description: tokens(vocabulary, description), offerings: Vec::new() }
    }

    pub(super) fn add_offering(&mut self, vocabulary: &mut Arc<Vocabulary>, title: &str, description: &str) {
        self.offerings.push(tokens(vocabulary, &format!("{title} {description}")));
    }
}

/// The distinct words of `text` as numbers of the vocabulary (adding those it lacks).
fn tokens(vocabulary: &mut Arc<Vocabulary>, text: &str) -> Box<[u32]> {
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
    ids.into_boxed_slice()
}

impl Vocabulary {
    /// For each word number, which of `words` (at most 8) it starts with: bit i for the
    /// i-th. The words starting with a prefix follow each other in the sorted vocabulary.
    fn masks(&self, words: &[String]) -> Vec<u8> {
        let mut masks = vec![0u8; self.ids.len()];
        for (i, prefix) in words.iter().enumerate().take(MAX_WORDS) {
            let from = (Bound::Included(prefix.as_str()), Bound::Unbounded);
            for (_, id) in self.ids.range::<str, _>(from).take_while(|(w, _)| w.starts_with(prefix.as_str())) {
                masks[*id as usize] |= 1 << i;
            }
        }
        masks
    }
}

/// The approved WISEs whose text matches every one of `words`: id → (relevance,
/// matching offerings).
pub(super) fn text_matches(snapshot: &Snapshot, words: &[String]) -> TextMatches {
    let words = &words[..words.len().min(MAX_WORDS)];
    let masks = snapshot.vocabulary.masks(words);
    let all: u8 = u8::MAX >> (8 - words.len());
    let mask = |ids: &[u32]| ids.iter().fold(0u8, |m, id| m | masks[*id as usize]);

    let mut own_counts = [0usize; MAX_WORDS];
    let mut found: Vec<(i32, u8, u8, i64)> = Vec::new();
    for (id, facts) in &snapshot.facts {
        let w = &facts.words;
        let (name, description) = (mask(&w.name), mask(&w.description));
        for (i, n) in own_counts.iter_mut().enumerate().take(words.len()) {
            *n += usize::from((name | description) & (1 << i) != 0);
        }
        let offerings = w.offerings.iter().filter(|o| mask(o) == all).count() as i64;
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
