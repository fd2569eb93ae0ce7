//! The CPV 2008 vocabulary (the EU's common procurement vocabulary), shipped inside the
//! binary: its codes with English labels, Dutch labels for the 45 divisions, and the rules
//! for codes and picker queries. The database keeps a copy in `cpv_codes` (loaded by
//! `db::migrate`); `catalogue::cpv` queries it.

const CPV_CSV: &str = include_str!("data/cpv-2008-en.csv");
/// Dutch labels of the groups and classes WISEs use most (`code,label_nl`); the
/// divisions' are [`DIVISIONS_NL`]. The EU's full Dutch table can be loaded with
/// `import cpv-labels`.
const CPV_NL_CSV: &str = include_str!("data/cpv-nl.csv");
/// Dutch search words and the CPV branches they stand for (`word,prefixes`, the prefixes
/// separated by `|`), so the picker finds cleaning for "schoonmaak".
const SEARCH_NL_CSV: &str = include_str!("data/cpv-search-nl.csv");

/// Dutch labels of the 45 CPV divisions.
pub const DIVISIONS_NL: &[(&str, &str)] = &[
    ("03", "Landbouw-, akkerbouw-, visserij-, bosbouw- en aanverwante producten"),
    ("09", "Aardolieproducten, brandstof, elektriciteit en andere energiebronnen"),
    ("14", "Mijnbouwproducten, basismetalen en aanverwante producten"),
    ("15", "Voedingsmiddelen, dranken, tabak en aanverwante producten"),
    ("16", "Landbouwmachines"),
    ("18", "Kleding, schoeisel, bagageartikelen en accessoires"),
    ("19", "Leder en textielweefsels, plastic en rubber materialen"),
    ("22", "Drukwerk en aanverwante producten"),
    ("24", "Chemische producten"),
    ("30", "Kantoor- en computermachines, uitrusting en benodigdheden, behalve meubelen en softwarepakketten"),
    ("31", "Elektrische machines, apparaten, uitrusting en verbruiksartikelen; verlichting"),
    ("32", "Radio-, televisie-, communicatie- en telecommunicatie-uitrusting en toebehoren"),
    ("33", "Medische apparatuur, farmaceutische producten en artikelen voor persoonlijke verzorging"),
    ("34", "Vervoersmaterieel en hulpproducten voor vervoer"),
    ("35", "Beveiligings-, brandbestrijdings-, politie- en defensie-uitrusting"),
    ("37", "Muziekinstrumenten, sportartikelen, spellen, speelgoed, handwerkartikelen, kunstartikelen en toebehoren"),
    ("38", "Laboratorium-, optische en precisieapparatuur (exclusief brillen)"),
    ("39", "Meubilair (inclusief kantoormeubilair), inrichting, huishoudelijke apparatuur (exclusief verlichting) en schoonmaakmiddelen"),
    ("41", "Opgevangen en gezuiverd water"),
    ("42", "Industriële machines"),
    ("43", "Machines voor mijnbouw, steengroeven en bouwuitrusting"),
    ("44", "Bouwconstructies en -materialen; hulpproducten voor de bouw (exclusief elektrische apparatuur)"),
    ("45", "Bouwwerkzaamheden"),
    ("48", "Softwarepakketten en informatiesystemen"),
    ("50", "Reparatie- en onderhoudsdiensten"),
    ("51", "Installatiediensten (met uitzondering van software)"),
    ("55", "Hotel-, restaurant- en detailhandelsdiensten"),
    ("60", "Vervoersdiensten (exclusief afvalvervoer)"),
    ("63", "Ondersteunende en aanvullende vervoersdiensten; reisbureaudiensten"),
    ("64", "Post- en telecommunicatiediensten"),
    ("65", "Openbare nutsvoorzieningen"),
    ("66", "Financiële en verzekeringsdiensten"),
    ("70", "Vastgoeddiensten"),
    ("71", "Dienstverlening op het gebied van architectuur, bouwkunde, ingenieurswerk en inspectie"),
    ("72", "IT-diensten: adviezen, softwareontwikkeling, internet en ondersteuning"),
    ("73", "Onderzoek- en ontwikkelingsdiensten en aanverwante consultancydiensten"),
    ("75", "Diensten voor openbaar bestuur, defensie en sociale zekerheid"),
    ("76", "Diensten in verband met de olie- en gasindustrie"),
    ("77", "Diensten voor land-, bos- en tuinbouw, aquacultuur en bijenteelt"),
    ("79", "Zakelijke dienstverlening: juridisch, marketing, consulting, werving, drukkerij en beveiliging"),
    ("80", "Diensten voor onderwijs en opleiding"),
    ("85", "Diensten van gezondheidszorg en maatschappelijk werk"),
    ("90", "Diensten inzake afvalwater, afval, reiniging en milieu"),
    ("92", "Diensten op het gebied van recreatie, cultuur en sport"),
    ("98", "Overige gemeenschaps-, sociale en persoonlijke diensten"),
];

/// One code of the vocabulary; read from `cpv_codes` in this column order.
#[derive(Debug, Clone, PartialEq, Eq, diesel::Queryable, serde::Serialize)]
pub struct CpvCode {
    pub code: String,
    pub division: String,
    pub level: i32,
    pub label_en: String,
    pub label_nl: Option<String>,
}

/// The kind of offering a CPV code stands for, by its division: `works` (45), `good`
/// (the supplies, 03–44, and software packages, 48) or `service` (50–98).
pub fn kind_of(code: &str) -> &'static str {
    match code.get(..2).and_then(|d| d.parse::<u8>().ok()) {
        Some(45) => "works",
        Some(d) if d < 45 || d == 48 => "good",
        _ => "service",
    }
}

/// The level of a code: 2 (division), 3 (group), 4 (class), 5 (category), up to 8,
/// i.e. the number of leading digits before the trailing zeros (at least 2).
pub fn level(code: &str) -> i32 {
    let significant = code.trim_end_matches('0').len();
    significant.clamp(2, 8) as i32
}

/// The significant prefix of a code (`45200000` → `452`), used for hierarchy searches.
pub fn prefix(code: &str) -> &str {
    &code[..level(code) as usize]
}

/// Normalises an entered CPV code: digits only, an optional `-N` check digit dropped.
/// Returns `None` when it is not 8 digits.
pub fn normalise(input: &str) -> Option<String> {
    let input = input.trim();
    let code = match input.split_once('-') {
        Some((code, check)) if check.len() == 1 && check.bytes().all(|b| b.is_ascii_digit()) => code,
        Some(_) => return None,
        None => input,
    };
    (code.len() == 8 && code.bytes().all(|b| b.is_ascii_digit())).then(|| code.to_string())
}

/// Parses the embedded vocabulary: every code whose division is one of the 45.
pub fn vocabulary() -> Vec<CpvCode> {
    let mut reader = csv::Reader::from_reader(CPV_CSV.as_bytes());
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|r| {
            let r = r.expect("embedded CPV CSV is valid");
            (r[0].to_string(), r[1].to_string())
        })
        .collect();
    let divisions: std::collections::HashSet<&str> = rows
        .iter()
        .filter(|(code, _)| code.len() == 8 && code.ends_with("000000"))
        .map(|(code, _)| &code[..2])
        .collect();
    let dutch: std::collections::HashMap<String, String> = dutch_labels().into_iter().collect();
    rows.iter()
        .filter(|(code, _)| normalise(code).is_some() && divisions.contains(&code[..2]))
        .map(|(code, label)| CpvCode {
            code: code.clone(),
            division: code[..2].to_string(),
            level: level(code),
            label_en: label.clone(),
            label_nl: dutch.get(code).cloned(),
        })
        .collect()
}

/// The Dutch labels shipped with the product: every division and the groups and
/// classes WISEs use most, as (code, label).
pub fn dutch_labels() -> Vec<(String, String)> {
    let divisions = DIVISIONS_NL.iter().map(|(d, label)| (format!("{d}000000"), label.to_string()));
    divisions.chain(pairs(CPV_NL_CSV)).collect()
}

/// The rows of an embedded two-column CSV file with a header.
fn pairs(text: &'static str) -> impl Iterator<Item = (String, String)> {
    csv::Reader::from_reader(text.as_bytes()).into_records().map(|r| {
        let r = r.expect("embedded CSV is valid");
        (r[0].to_string(), r[1].to_string())
    })
}

/// The CPV branches (code prefixes) a Dutch search word stands for: the entries of the
/// shipped word list that the word begins with (`fietsen` → `fiets`) and, when the word
/// is not itself in the list, those that begin with it (`schoonm` → `schoonmaak`); for
/// words of four letters or more.
pub fn dutch_branches(word: &str) -> Vec<String> {
    use std::sync::OnceLock;
    static WORDS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    let words = WORDS.get_or_init(|| pairs(SEARCH_NL_CSV).collect());
    if word.chars().count() < 4 {
        return Vec::new();
    }
    // A word of the list stands for itself; otherwise it may be the start of one.
    let exact = words.iter().any(|(entry, _)| entry == word);
    let mut branches: Vec<String> = words
        .iter()
        .filter(|(entry, _)| word.starts_with(entry.as_str()) || (!exact && entry.starts_with(word)))
        .flat_map(|(_, prefixes)| prefixes.split('|').map(str::to_string))
        .collect();
    branches.sort();
    branches.dedup();
    branches
}

/// The longest picker query looked at (characters), and the most terms it uses.
pub const MAX_QUERY: usize = 200;
const MAX_TERMS: usize = 8;

/// One part of a picker query: a code prefix (digits) or a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Leading digits of a code (`4521`; `45000000-7` becomes `45000000`).
    Prefix(String),
    /// A word, lower case, to be found in the English label or the Dutch division label.
    Word(String),
}

/// Splits a picker query into terms: digit runs are code prefixes (a `-N` check digit
/// is dropped), anything else is a word. At most [`MAX_TERMS`] terms of a query cut
/// to [`MAX_QUERY`] characters.
pub fn terms(query: &str) -> Vec<Term> {
    let query: String = query.chars().take(MAX_QUERY).collect();
    let mut terms = Vec::new();
    for token in query.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            continue;
        }
        let digits = match token.split_once('-') {
            Some((code, check)) if check.len() == 1 && check.bytes().all(|b| b.is_ascii_digit()) => code,
            _ => token,
        };
        let term = if !digits.is_empty() && digits.len() <= 8 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Term::Prefix(digits.to_string())
        } else {
            Term::Word(token.to_lowercase())
        };
        if !terms.contains(&term) {
            terms.push(term);
        }
        if terms.len() == MAX_TERMS {
            break;
        }
    }
    terms
}

/// The label of a CPV division (`"45"`) in a language: Dutch from [`DIVISIONS_NL`],
/// English from the embedded vocabulary.
pub fn division_label(division: &str, lang: crate::i18n::Lang) -> Option<&'static str> {
    use std::sync::OnceLock;
    static ENGLISH: OnceLock<Vec<(String, String)>> = OnceLock::new();
    match lang {
        crate::i18n::Lang::Nl => DIVISIONS_NL.iter().find(|(d, _)| *d == division).map(|(_, l)| *l),
        crate::i18n::Lang::En => ENGLISH
            .get_or_init(|| {
                vocabulary().into_iter().filter(|c| c.level == 2).map(|c| (c.division, c.label_en)).collect()
            })
            .iter()
            .find(|(d, _)| d == division)
            .map(|(_, l)| l.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_has_every_code_and_dutch_divisions() {
        let codes = vocabulary();
        assert_eq!(codes.len(), 9454);
        let divisions: Vec<_> = codes.iter().filter(|c| c.level == 2).collect();
        assert_eq!(divisions.len(), 45);
        assert!(divisions.iter().all(|d| d.label_nl.is_some()), "every division has a Dutch label");
        assert_eq!(DIVISIONS_NL.len(), 45);
    }

    #[test]
    fn the_division_says_the_kind() {
        assert_eq!(kind_of("45210000"), "works");
        assert_eq!(kind_of("15894000"), "good");
        assert_eq!(kind_of("48000000"), "good");
        assert_eq!(kind_of("90919200"), "service");
        assert_eq!(kind_of("03000000"), "good");
    }

    #[test]
    fn dutch_labels_and_search_words_name_real_codes() {
        let codes: std::collections::HashSet<String> = vocabulary().into_iter().map(|c| c.code).collect();
        for (code, label) in dutch_labels() {
            assert!(codes.contains(&code) && !label.is_empty(), "{code} {label}");
        }
        for (word, prefixes) in pairs(SEARCH_NL_CSV) {
            for prefix in prefixes.split('|') {
                assert!(codes.iter().any(|c| c.starts_with(prefix)), "{word}: {prefix}");
            }
        }
        assert_eq!(dutch_branches("schoonmaak"), ["909"], "a listed word stands for itself");
        assert!(dutch_branches("schoonm").contains(&"398".to_string()), "a word being typed");
        assert!(dutch_branches("fietsen").contains(&"3443".to_string()), "fietsen begins with fiets");
        assert!(dutch_branches("maaltijd").contains(&"5552".to_string()));
        assert!(dutch_branches("was").is_empty(), "short words match labels only");
    }

    #[test]
    fn levels_and_prefixes() {
        assert_eq!(level("45000000"), 2);
        assert_eq!(level("45200000"), 3);
        assert_eq!(level("45210000"), 4);
        assert_eq!(level("45211000"), 5);
        assert_eq!(level("45211310"), 7);
        assert_eq!(prefix("45200000"), "452");
    }

    #[test]
    fn picker_queries_split_into_prefixes_and_words() {
        assert_eq!(terms("4521"), vec![Term::Prefix("4521".into())]);
        assert_eq!(terms(" 45000000-7 "), vec![Term::Prefix("45000000".into())]);
        assert_eq!(terms("Window cleaning, window"), vec![Term::Word("window".into()), Term::Word("cleaning".into())]);
        assert_eq!(terms("\"*NEAR: %_"), vec![Term::Word("near".into())]);
        assert_eq!(terms("123456789"), vec![Term::Word("123456789".into())]);
        assert!(terms("  ").is_empty());
        assert_eq!(terms(&"a ".repeat(5000)).len(), 1);
        assert_eq!(terms("a b c d e f g h i j").len(), 8);
    }

    #[test]
    fn check_digit_is_ignored() {
        assert_eq!(normalise("45000000-7").as_deref(), Some("45000000"));
        assert_eq!(normalise(" 45000000 ").as_deref(), Some("45000000"));
        assert_eq!(normalise("4500000"), None);
        assert_eq!(normalise("45000000-77"), None);
        assert_eq!(normalise("4500000x"), None);
    }
}
