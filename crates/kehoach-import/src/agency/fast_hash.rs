//! A small multiply-rotate hasher for the registry's memo of names.
//!
//! Every piece and every join of pieces of every agency cell is looked up:
//! the standard SipHash was a visible share of the import. Keys come from a
//! local document, so the denial-of-service resistance SipHash buys is not
//! needed here.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Hashes eight bytes at a time (the rotate/xor/multiply step of rustc's Fx hash).
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher {
    hash: u64,
}

const MULTIPLIER: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            let mut word = [0u8; 8];
            word[..tail.len()].copy_from_slice(tail);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[cfg(test)]
mod tests {
    use super::FastMap;

    #[test]
    fn map_finds_what_it_holds() {
        let mut map: FastMap<String, usize> = FastMap::default();
        for (i, name) in ["Sở Y tế", "Sở Tài chính", "", "UBND các huyện, thị xã"]
            .iter()
            .enumerate()
        {
            map.insert(name.to_string(), i);
        }
        assert_eq!(map.get("Sở Tài chính"), Some(&1));
        assert_eq!(map.get(""), Some(&2));
        assert_eq!(map.get("Sở Y"), None);
    }
}
