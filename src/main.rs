//! The app's entry point. In the browser it mounts the console; built natively it only says how
//! to build it, since the app is a WebAssembly page bundled by trunk.

#[cfg(target_arch = "wasm32")]
fn main() {
    cognito_pool_console::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "cognito-pool-console is a browser app built with trunk: run `make serve` and open http://127.0.0.1:8080/"
    );
    std::process::exit(2);
}
