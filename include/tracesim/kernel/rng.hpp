// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <limits>
#include <random>

namespace tracesim::kernel {

/// Identifies one random stream of a run. The model names its streams with its
/// own enum and converts; values are append-only and never renumbered, since
/// renumbering changes every result.
struct StreamId {
  std::uint32_t value = 0;
};

/// SplitMix64 finaliser: a bijective 64-bit mix with good avalanche.
constexpr std::uint64_t mix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

/// Combines two words into one key (order matters).
constexpr std::uint64_t combine(std::uint64_t a, std::uint64_t b) noexcept {
  return mix64(a ^ mix64(b + 0x632BE59BD9B4E019ULL));
}

/// A small counter-based engine (SplitMix64) for per-entity randomness: an
/// entity (a case, a contact) carries only its 64-bit key, and every draw it
/// needs comes from this engine seeded with that key. Draws for one entity then
/// do not depend on how many draws other entities made, which keeps common
/// random numbers aligned across staffing variants. Satisfies
/// UniformRandomBitGenerator, so boost::random distributions accept it.
class KeyedEngine {
 public:
  using result_type = std::uint64_t;
  explicit constexpr KeyedEngine(std::uint64_t key) noexcept : state_{key} {}
  static constexpr result_type min() noexcept { return 0; }
  static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }
  constexpr result_type operator()() noexcept {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform double in [0, 1) with 53 random bits.
  constexpr double uniform01() noexcept {
    return static_cast<double>((*this)() >> 11) * 0x1.0p-53;
  }

 private:
  std::uint64_t state_;
};

/// Builds engines from (seed, replication, stream). Each replication owns its
/// factory, so results depend neither on thread count nor on construction order.
class RngFactory {
 public:
  RngFactory(std::uint64_t seed, std::uint64_t replication) noexcept
      : seed_{seed}, replication_{replication} {}

  [[nodiscard]] std::uint64_t seed() const noexcept { return seed_; }
  [[nodiscard]] std::uint64_t replication() const noexcept { return replication_; }

  /// A long-period engine for one stream. seed_seq and mt19937_64 are fully
  /// specified by the standard, so the sequence is identical everywhere.
  [[nodiscard]] std::mt19937_64 engine(StreamId stream) const {
    std::seed_seq seq{lo(seed_), hi(seed_), lo(replication_), hi(replication_), stream.value};
    return std::mt19937_64{seq};
  }

  /// The key of entity `index` in `stream`: the seed of its KeyedEngine.
  [[nodiscard]] std::uint64_t key(StreamId stream, std::uint64_t index) const noexcept {
    return combine(combine(combine(seed_, replication_), stream.value), index);
  }

 private:
  static std::uint32_t lo(std::uint64_t v) { return static_cast<std::uint32_t>(v); }
  static std::uint32_t hi(std::uint64_t v) { return static_cast<std::uint32_t>(v >> 32); }
  std::uint64_t seed_;
  std::uint64_t replication_;
};

}  // namespace tracesim::kernel
