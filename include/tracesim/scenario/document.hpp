// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "tracesim/scenario/scenario.hpp"

namespace tracesim::scenario {

/// A scenario file parsed once. Every way of changing a parameter (`--set`,
/// `--vary`, the staff lever, a calibration candidate) is an Override applied
/// by resolve() to a copy of the parsed tree, which is then read and validated
/// exactly as the file itself: a bad value gets the same located diagnostic
/// whichever route it came by. Cheap to copy (the tree is shared, read-only);
/// resolve() may be called from several threads at once.
class Document {
 public:
  /// Reads and parses `file`. Throws InputError if it cannot be read,
  /// ScenarioError if it is not well-formed YAML. Data paths in the scenario
  /// are resolved against the file's folder.
  static Document from_file(const std::filesystem::path& file);

  /// Parses `text`; `name` labels diagnostics and `base_dir` resolves data paths.
  static Document from_text(const std::string& text, const std::string& name,
                            const std::filesystem::path& base_dir = ".");

  /// The scenario with `variations` applied in order, read and validated.
  /// Throws ScenarioError listing every problem.
  [[nodiscard]] Scenario resolve(const std::vector<Override>& variations = {}) const;

  /// Gives the diagnostics of this document that have a key path but no line
  /// (problems found after reading, e.g. by calibrate) the line and column of
  /// that key, or of its nearest ancestor present in the text; a problem inside
  /// the value one of `overrides` sets is labelled with that override instead.
  void locate(Diagnostics& diags, const std::vector<Override>& overrides = {}) const;

  /// The name diagnostics carry (the file path as given, or the text's name).
  [[nodiscard]] const std::string& name() const;

 private:
  struct Parsed;
  explicit Document(std::shared_ptr<const Parsed> parsed);
  std::shared_ptr<const Parsed> parsed_;
};

}  // namespace tracesim::scenario
