//! The app's icon set: generated from icons/icon.svg, every size the bundle
//! names is there at its stated size, including 32 px and 512 px.

use std::path::Path;

fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(&bytes[1..4], b"PNG", "{} is not a PNG", path.display());
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn the_bundle_points_at_the_generated_icon_set() {
    let config: serde_json::Value = serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    for icon in config["bundle"]["icon"].as_array().unwrap() {
        let path = here.join(icon.as_str().unwrap());
        assert!(
            path.starts_with(here.join("../icons")),
            "{} is outside icons/",
            path.display()
        );
        assert!(path.is_file(), "{} is missing", path.display());
    }
    let icons = here.join("../icons");
    assert!(icons.join("icon.svg").is_file(), "the source SVG is missing");
    for (file, size) in [
        ("32x32.png", 32),
        ("128x128.png", 128),
        ("128x128@2x.png", 256),
        ("256x256.png", 256),
        ("icon.png", 512),
    ] {
        assert_eq!(png_size(&icons.join(file)), (size, size), "{file}");
    }
    // Linux packages take the 256 px icon under a plain name: the bundler files
    // `@2x` names in a non-standard hicolor/256x256@2 folder.
    assert_eq!(
        std::fs::read(icons.join("256x256.png")).unwrap(),
        std::fs::read(icons.join("128x128@2x.png")).unwrap()
    );
    for file in ["icon.ico", "icon.icns"] {
        assert!(
            std::fs::metadata(icons.join(file)).unwrap().len() > 1000,
            "{file} is missing or empty"
        );
    }
}
