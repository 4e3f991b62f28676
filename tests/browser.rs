//! Browser tests of the shell page: the App is mounted into a fresh element of a real page
//! (headless Chromium through chromedriver) and inspected through the DOM, as a reader would.
//! Run with `make test-browser`.
#![cfg(target_arch = "wasm32")]

use std::any::Any;

use cognito_pool_console::schema::{self, Group};
use cognito_pool_console::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A container appended to `<body>` with the App mounted in it; removed again on drop.
struct Mounted {
    root: HtmlElement,
    /// Unmounts the view when dropped.
    _handle: Box<dyn Any>,
}

impl Mounted {
    async fn app() -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root: HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = leptos::mount::mount_to(root.clone(), App);
        leptos::task::tick().await;
        Mounted {
            root,
            _handle: Box::new(handle),
        }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().unchecked_into())
            .collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default().trim().to_owned()
}

#[wasm_bindgen_test]
async fn the_page_has_one_h1_naming_the_product() {
    let page = Mounted::app().await;
    let h1s = page.all("h1");
    assert_eq!(h1s.len(), 1);
    assert_eq!(text(&h1s[0]), "Cognito Pool Console");
}

#[wasm_bindgen_test]
async fn the_contents_link_to_every_group_in_order() {
    let page = Mounted::app().await;
    let nav = page.one("nav[aria-label]");
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Form sections")
    );
    let links = page.all("nav a");
    assert_eq!(links.len(), Group::ALL.len());
    for (link, group) in links.iter().zip(Group::ALL) {
        assert_eq!(
            link.get_attribute("href"),
            Some(format!("#{}", group.anchor()))
        );
        assert_eq!(text(link), group.title());
    }
}

#[wasm_bindgen_test]
async fn every_group_has_a_section_headed_by_its_title() {
    let page = Mounted::app().await;
    for group in Group::ALL {
        let section = page.one(&format!("section#{}", group.anchor()));
        let heading = section.query_selector("h2").unwrap().expect("a heading");
        assert_eq!(text(&heading), group.title());
        assert_eq!(
            section.get_attribute("aria-labelledby"),
            heading.get_attribute("id")
        );
    }
}

#[wasm_bindgen_test]
async fn each_section_lists_the_top_level_members_of_its_group() {
    let page = Mounted::app().await;
    let mut listed = Vec::new();
    for group in Group::ALL {
        let section = page.one(&format!("section#{}", group.anchor()));
        let controls = section.query_selector_all("[data-path]").unwrap();
        for i in 0..controls.length() {
            let element: Element = controls.item(i).unwrap().unchecked_into();
            let path = element.get_attribute("data-path").unwrap_or_default();
            let field =
                schema::field(&path).unwrap_or_else(|| panic!("{path} is not in the table"));
            assert_eq!(field.group, group, "{path} is shown under the wrong group");
            if field.depth() == 0 && !listed.contains(&path) {
                listed.push(path);
            }
        }
    }
    let expected: Vec<String> = schema::top_level().map(|f| f.path.to_owned()).collect();
    let mut listed_sorted = listed.clone();
    listed_sorted.sort();
    let mut expected_sorted = expected.clone();
    expected_sorted.sort();
    assert_eq!(listed_sorted, expected_sorted);
}
