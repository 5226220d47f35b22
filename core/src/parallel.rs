//! Work side by side on request (feature `threads`), with the one-thread result: the same items
//! in the same order, whatever the number of threads.

/// `f` over every item of `items`, in order, on `threads` threads (`None` or `Some(1)`: this
/// thread; `Some(0)`: every core), at least `chunk` items at a time per thread. Called on a
/// pool's thread (inside [`join`]), on that pool's threads. Without the `threads` feature, always
/// this thread.
#[cfg(any(feature = "arrow", feature = "threads"))]
pub(crate) fn map<I, T, F>(items: &[I], threads: Option<usize>, chunk: usize, f: F) -> Vec<T>
where
    I: Sync,
    T: Send,
    F: Fn(&I) -> T + Sync + Send,
{
    #[cfg(feature = "threads")]
    if let Some(done) = on_threads(threads, |_| {
        use rayon::prelude::*;
        // `collect` on an indexed parallel iterator keeps the order of `items`.
        items.par_iter().with_min_len(chunk).map(&f).collect()
    }) {
        return done;
    }
    #[cfg(not(feature = "threads"))]
    let _ = (threads, chunk);
    items.iter().map(f).collect()
}

/// `run` on `threads` threads (as in [`map`]), given how many it has; `None` on one thread, or
/// when no pool can be made (the caller then works on this thread). Already on a pool's thread
/// (one side of a [`join`]), that pool's threads take the work, rather than a second pool's
/// crowding the same cores.
#[cfg(feature = "threads")]
fn on_threads<R: Send>(threads: Option<usize>, run: impl FnOnce(usize) -> R + Send) -> Option<R> {
    let n = threads.filter(|&n| n != 1)?;
    if rayon::current_thread_index().is_some() {
        return Some(run(rayon::current_num_threads()));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .build()
        .ok()?;
    Some(pool.install(|| run(pool.current_num_threads())))
}

/// [`map`] with the items taken in order of `cost`, the costliest first, each by the next thread
/// free (`chunk` 1): items of very uneven cost (the rules of a check) end together, where a split
/// of the list in halves left one thread with the longest item last. The result is in the order
/// of `items`, as [`map`]'s; ties of cost are taken in the order given.
pub(crate) fn map_costliest_first<I, T, F, C>(
    items: &[I],
    threads: Option<usize>,
    cost: C,
    f: F,
) -> Vec<T>
where
    I: Sync,
    T: Send,
    F: Fn(&I) -> T + Sync + Send,
    C: Fn(&I) -> u64,
{
    #[cfg(feature = "threads")]
    if threads.is_some_and(|n| n != 1) {
        use rayon::prelude::*;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let order = costliest_first(items, cost);
        let next = AtomicUsize::new(0);
        // Each worker takes the next item of `order` until none is left.
        let worker = |_| {
            let mut done = Vec::new();
            while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                if let Some(item) = items.get(i) {
                    done.push((i, f(item)));
                }
            }
            done
        };
        let run = |workers: usize| -> Vec<(usize, T)> {
            (0..workers)
                .into_par_iter()
                .with_max_len(1)
                .flat_map_iter(&worker)
                .collect()
        };
        if let Some(mut done) = on_threads(threads, run) {
            done.sort_unstable_by_key(|&(i, _)| i);
            return done.into_iter().map(|(_, t)| t).collect();
        }
    }
    #[cfg(not(feature = "threads"))]
    let _ = (threads, &cost);
    items.iter().map(f).collect()
}

/// The positions of `items` by falling `cost`; ties in the order given.
#[cfg(feature = "threads")]
fn costliest_first<I>(items: &[I], cost: impl Fn(&I) -> u64) -> Vec<usize> {
    let mut order: Vec<(u64, usize)> = items.iter().map(cost).zip(0..).collect();
    order.sort_by_key(|&(c, i)| (std::cmp::Reverse(c), i));
    order.into_iter().map(|(_, i)| i).collect()
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
        // On a pool's thread already (as in `map`): that pool's threads, not a second pool's.
        if rayon::current_thread_index().is_some() {
            return rayon::join(a, b);
        }
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
    if let Some(done) = on_threads(threads, |_| {
        use rayon::prelude::*;
        (0..n).into_par_iter().with_min_len(4096).map(&f).collect()
    }) {
        return done;
    }
    #[cfg(not(feature = "threads"))]
    let _ = threads;
    (0..n).map(f).collect()
}

#[cfg(all(test, feature = "threads"))]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // test code: a failure should stop the test
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn the_costliest_are_taken_first_and_ties_in_order() {
        let costs = [3u64, 9, 1, 9, 0, 4];
        assert_eq!(costliest_first(&costs, |c| *c), [1, 3, 5, 0, 2, 4]);
        assert!(costliest_first(&[] as &[u64], |c| *c).is_empty());
    }

    proptest::proptest! {
        /// Whatever the costs and threads, every item is taken once and the results come in the
        /// order of the items, as on one thread.
        #[test]
        fn costliest_first_gives_the_one_thread_result(
            costs in proptest::collection::vec(0u64..50, 0..40),
            threads in 0usize..4,
        ) {
            let calls = AtomicUsize::new(0);
            let got = map_costliest_first(&costs, Some(threads), |c| *c, |c| {
                calls.fetch_add(1, Ordering::Relaxed);
                c * 2 + 1
            });
            let want: Vec<u64> = costs.iter().map(|c| c * 2 + 1).collect();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert_eq!(calls.load(Ordering::Relaxed), costs.len());
        }
    }
}
