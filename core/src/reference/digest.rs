// Shared with build.rs through `include!`, so the digest the build records is the digest
// `source::load` computes.

/// FNV-1a, 64 bits: a cheap fingerprint to tell the shipped file from anything else.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}
