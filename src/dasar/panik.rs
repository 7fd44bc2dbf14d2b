//! A third-party reader run so that a panic on a damaged file becomes an error message, not
//! a crash and not a backtrace on the operator's terminal: the calamine and parquet readers
//! index into bytes a hostile file controls, and both have panicked on fuzzed input.

use std::cell::Cell;
use std::sync::Once;

thread_local! {
    /// Whether this thread is inside [`tangkap`]: its panics are reported by the caller.
    static DITANGKAP: Cell<bool> = const { Cell::new(false) };
}

static PASANG: Once = Once::new();

/// Runs `f`; a panic inside it is `Err` with the panic's message. The process's panic hook
/// stays silent for panics caught here and prints every other as before.
pub fn tangkap<R>(f: impl FnOnce() -> R) -> Result<R, String> {
    PASANG.call_once(|| {
        let sebelumnya = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !DITANGKAP.with(Cell::get) {
                sebelumnya(info);
            }
        }));
    });
    let luar = DITANGKAP.with(|d| d.replace(true));
    let hasil = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    DITANGKAP.with(|d| d.set(luar));
    hasil.map_err(|e| {
        e.downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_panic_is_its_message() {
        let r: Result<(), String> = super::tangkap(|| panic!("range end index 4 out of range"));
        assert_eq!(r, Err("range end index 4 out of range".to_string()));
        assert_eq!(super::tangkap(|| 7), Ok(7));
    }
}
