// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tracesim/kernel/calendar.hpp"
#include "tracesim/model/distribution.hpp"
#include "tracesim/scenario/diagnostics.hpp"
#include "tracesim/scenario/scenario.hpp"

namespace tracesim::scenario::detail {

/// Where diagnostics go and how nodes are located.
struct ReadContext {
  std::string file;
  Diagnostics diags;
  std::vector<Override> overrides;  // to label problems that come from --set
  std::map<std::string, std::pair<int, int>> positions;  // path -> 1-based line, column
  std::filesystem::path base_dir{};  // where relative data paths (a case series) are resolved

  void error(const YAML::Node& at, const std::string& path, const std::string& message);
  /// Locates a diagnostic raised after reading (validation) by its path or nearest ancestor.
  void locate(Diagnostic& d) const;
};

/// A location in the document: the node, its dotted path and its schema pattern.
struct Field {
  YAML::Node node;
  std::string path;
  std::string pattern;

  [[nodiscard]] Field child(const std::string& key) const;
  [[nodiscard]] Field item(std::size_t i) const;
  /// The value `value` of user-chosen key `key` (pool, segment ...), as met while
  /// iterating the mapping: looking it up by key instead would cost a linear
  /// scan per key in yaml-cpp, quadratic over a mapping of 50,000 segments.
  [[nodiscard]] Field named(const std::string& key, const YAML::Node& value) const;
};

/// Reads one mapping strictly: unknown and duplicate keys are reported when it
/// is opened, with the nearest valid key suggested.
class MapReader {
 public:
  MapReader(ReadContext& ctx, Field field);

  [[nodiscard]] bool is_map() const noexcept { return is_map_; }
  [[nodiscard]] bool has(const std::string& key) const;
  [[nodiscard]] Field at(const std::string& key) const { return field_.child(key); }
  [[nodiscard]] const Field& field() const noexcept { return field_; }
  /// Reports `key` as missing (located at this mapping).
  void missing(const std::string& key) const;

 private:
  ReadContext& ctx_;
  Field field_;
  bool is_map_ = false;
};

// Scalar readers: each returns std::nullopt after recording a diagnostic.
std::optional<double> read_double(ReadContext& ctx, const Field& f, double min, double max);
std::optional<long long> read_int(ReadContext& ctx, const Field& f, long long min, long long max);
std::optional<bool> read_bool(ReadContext& ctx, const Field& f);
std::optional<std::string> read_string(ReadContext& ctx, const Field& f);
std::optional<kernel::Duration> read_duration(ReadContext& ctx, const Field& f,
                                              kernel::Duration min, kernel::Duration max);
std::optional<kernel::Duration> read_clock(ReadContext& ctx, const Field& f);
std::optional<kernel::Date> read_date(ReadContext& ctx, const Field& f);
/// One of `choices` (each "value: description" is shown when it is not).
std::optional<std::string> read_choice(ReadContext& ctx, const Field& f,
                                       const std::vector<std::pair<std::string, std::string>>& choices);
std::optional<model::DurationDist> read_duration_dist(ReadContext& ctx, const Field& f);
std::optional<model::CountDist> read_count_dist(ReadContext& ctx, const Field& f);

/// Checks the shape of a whole parsed document before any key is read: every
/// mapping key is a plain name (not null, a list or a mapping), no mapping has
/// a key twice (both places are named), nesting is at most kMaxDepth deep and
/// the tree, aliases expanded, has at most kMaxNodes nodes. Reports into `ctx`.
void check_structure(ReadContext& ctx, const YAML::Node& root);
inline constexpr int kMaxDepth = 64;
inline constexpr std::size_t kMaxNodes = 2'000'000;

/// Checks `f` is a sequence; reports and returns false if not.
bool expect_sequence(ReadContext& ctx, const Field& f);


/// "; did you mean 'K'?" for the valid key nearest to `key` (edit distance at most
/// a third of its length, at least 2), else "; valid keys here: ..." listing them all.
std::string suggestion(const std::string& key, const std::vector<std::string>& valid);

}  // namespace tracesim::scenario::detail
