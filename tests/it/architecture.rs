//! The shape of the code (ARCHITECTURE.md), checked: every top-level module of `src/` has
//! a layer, an import never goes up a layer, and no two modules import each other, even
//! through others. An import is any `crate::MODULE` outside a `#[cfg(test)]` module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::support::repository_files;

/// The layers, bottom first; a module may import its own layer and those below.
const LAYERS: &[(&str, &[&str])] = &[
    ("core", &["config", "clock", "validation", "i18n", "vocab", "secret", "csv_import"]),
    ("database", &["db"]),
    ("entities, rendering and mail", &["organisation", "buying", "users", "audit", "geography", "render", "mail"]),
    ("web", &["web"]),
    (
        "journeys",
        &[
            "accounts",
            "buyers",
            "catalogue",
            "registry",
            "figures",
            "reports",
            "digests",
            "demo",
            "start",
            "needs",
            "spend",
            "social_return",
            "partnerships",
            "advisor",
            "certificates",
        ],
    ),
    ("app", &["app"]),
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, modules)| modules.contains(&module))
}

/// The source without its `#[cfg(test)] mod … { … }` blocks.
fn without_tests(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let Some(open) = after.find('{') else { break };
        let mut depth = 0;
        let mut end = after.len();
        for (i, c) in after[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Every `crate::NAME` in the text (macros, `crate::NAME!`, left out).
fn imports(source: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in source.match_indices("crate::") {
        let name: String = source[at + 7..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
            .collect();
        if !name.is_empty() && !source[at + 7 + name.len()..].starts_with('!') {
            found.insert(name);
        }
    }
    found
}

/// Top-level module → the modules it imports, and for each edge one file that does.
fn edges() -> BTreeMap<String, BTreeMap<String, String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for file in repository_files("src", "rs") {
        let relative = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        let module = relative.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" {
            continue;
        }
        let imported = imports(&without_tests(&std::fs::read_to_string(&file).unwrap()));
        let entry = edges.entry(module.clone()).or_default();
        for target in imported.into_iter().filter(|t| *t != module) {
            entry.entry(target).or_insert_with(|| relative.clone());
        }
    }
    edges
}

#[test]
fn every_module_has_a_layer_and_imports_only_its_own_and_lower_layers() {
    let mut problems = Vec::new();
    for (module, targets) in edges() {
        let Some(from) = layer_of(&module) else {
            problems.push(format!("src/{module} has no layer: add it to LAYERS here and to ARCHITECTURE.md"));
            continue;
        };
        for (target, file) in targets {
            match layer_of(&target) {
                Some(to) if to <= from => {}
                Some(to) => problems.push(format!(
                    "src/{file} imports crate::{target}: {module} ({}) may not import upwards ({})",
                    LAYERS[from].0, LAYERS[to].0
                )),
                None => problems.push(format!("src/{file} imports crate::{target}, which has no layer")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn no_module_imports_itself_through_others() {
    let edges = edges();
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit<'a>(
        module: &'a str,
        edges: &'a BTreeMap<String, BTreeMap<String, String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
        cycles: &mut Vec<String>,
    ) {
        if let Some(start) = path.iter().position(|m| *m == module) {
            let mut cycle: Vec<&str> = path[start..].to_vec();
            cycle.push(module);
            cycles.push(cycle.join(" → "));
            return;
        }
        if !done.insert(module) {
            return;
        }
        path.push(module);
        for target in edges.get(module).into_iter().flat_map(|t| t.keys()) {
            visit(target, edges, path, done, cycles);
        }
        path.pop();
    }
    let mut cycles = Vec::new();
    let mut done = BTreeSet::new();
    for module in edges.keys() {
        visit(module, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles between modules of src/:\n{}", cycles.join("\n"));
}

#[test]
fn templates_ask_the_policy_not_the_role() {
    let found: Vec<String> = repository_files("templates", "hbs")
        .into_iter()
        .filter(|path| std::fs::read_to_string(path).unwrap().contains("user.role"))
        .map(|path| path.display().to_string())
        .collect();
    assert!(found.is_empty(), "templates comparing user.role instead of using can.*: {found:?}");
}

#[test]
fn the_check_sees_imports_and_cycles() {
    assert_eq!(
        imports("use crate::db::DbConn; crate::per_backend!(c); crate::web::x"),
        BTreeSet::from(["db".to_string(), "web".to_string()])
    );
    assert_eq!(without_tests("a\n#[cfg(test)]\nmod tests { fn f() { crate::x } }\nb"), "a\n\nb");
    assert_eq!(layer_of("web"), Some(3));
    assert_eq!(layer_of("nothing"), None);
}
