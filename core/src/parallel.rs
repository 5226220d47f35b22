//! Work side by side on request (feature `threads`), with the one-thread result: the same items
//! in the same order, whatever the number of threads.

/// `f` over every item of `items`, in order, on `threads` threads (`None` or `Some(1)`: this
/// thread; `Some(0)`: every core), at least `chunk` items at a time per thread. Called on a
/// pool's thread (inside [`join`]), on that pool's threads. Without the `threads` feature, always
/// this thread.
pub(crate) fn map<I, T, F>(items: &[I], threads: Option<usize>, chunk: usize, f: F) -> Vec<T>
where
    I: Sync,
    T: Send,
    F: Fn(&I) -> T + Sync + Send,
{
    #[cfg(feature = "threads")]
    if let Some(n) = threads.filter(|&n| n != 1) {
        use rayon::prelude::*;
        // `collect` on an indexed parallel iterator keeps the order of `items`.
        let run = || items.par_iter().with_min_len(chunk).map(&f).collect();
        // Already on a pool's thread (one side of a `join`): that pool's threads take the
        // items, rather than a second pool's crowding the same cores.
        if rayon::current_thread_index().is_some() {
            return run();
        }
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            return pool.install(run);
        }
    }
    #[cfg(not(feature = "threads"))]
    let _ = (threads, chunk);
    items.iter().map(f).collect()
}

/// `a` and `b` side by side on request (`threads` as in [`map`]), else one after the other.
#[cfg(any(feature = "arrow", feature = "threads"))]
pub(crate) fn join<A, B, RA, RB>(threads: Option<usize>, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(feature = "threads")]
    if let Some(n) = threads.filter(|&n| n != 1) {
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(n).build() {
            return pool.join(a, b);
        }
    }
    #[cfg(not(feature = "threads"))]
    let _ = threads;
    (a(), b())
}

/// `f` over `0..n`, in order, as [`map`] (the Arrow reader's rows).
#[cfg(feature = "arrow")]
pub(crate) fn map_range<T, F>(n: usize, threads: Option<usize>, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(usize) -> T + Sync + Send,
{
    #[cfg(feature = "threads")]
    if let Some(t) = threads.filter(|&t| t != 1) {
        use rayon::prelude::*;
        if let Ok(pool) = rayon::ThreadPoolBuilder::new().num_threads(t).build() {
            return pool.install(|| (0..n).into_par_iter().with_min_len(4096).map(&f).collect());
        }
    }
    #[cfg(not(feature = "threads"))]
    let _ = threads;
    (0..n).map(f).collect()
}
