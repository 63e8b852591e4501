// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace tracesim::output {

/// Writes `content` to `file` through a temporary file in the same folder and
/// a rename, so readers never see a half-written file. Throws std::system_error.
void write_file_atomic(const std::filesystem::path& file, std::string_view content);

/// The whole of `file` as text. Throws std::runtime_error if it cannot be read.
std::string read_file(const std::filesystem::path& file);

/// A file written as a stream (traces) that appears under its name only when
/// commit() succeeds; if destroyed uncommitted, the temporary file is removed.
class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path file);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile();

  std::ofstream& stream() noexcept { return out_; }
  /// Flushes, closes and renames into place. Throws std::system_error.
  void commit();

 private:
  std::filesystem::path file_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace tracesim::output
