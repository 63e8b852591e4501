// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

namespace tracesim::output {

/// Writes `content` to `file` through a temporary file in the same folder and
/// a rename, so readers never see a half-written file. The temporary file has
/// an unpredictable name and is created exclusively, never through a symlink.
/// Throws std::system_error.
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

  std::ostream& stream() noexcept { return out_; }
  /// Flushes, closes and renames into place. Throws std::system_error.
  void commit();

 private:
  class FdBuf;
  std::filesystem::path file_;
  std::filesystem::path temp_;  // ".<name>.tmp-XXXXXX", made by mkstemp
  std::unique_ptr<FdBuf> buf_;
  std::ostream out_{nullptr};
  bool committed_ = false;
};

/// A folder of results that appears complete or not at all: files are written
/// into a temporary folder beside `dir` (".<name>.tmp-XXXXXX", made by mkdtemp),
/// and commit() renames it to `dir`. Over an existing `dir` the two are swapped
/// in one step (renameat2 RENAME_EXCHANGE), the files of the new result replace
/// the old ones and other files in `dir` are kept. Destroyed uncommitted (an
/// error, Ctrl-C), the temporary folder is removed and `dir` is untouched.
class OutputFolder {
 public:
  /// Creates the parents of `dir` and the temporary folder. Throws std::system_error.
  explicit OutputFolder(std::filesystem::path dir);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  ~OutputFolder();

  /// Where to write the files now.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return temp_; }
  /// Puts the files in place under `dir`. Throws std::system_error.
  void commit();

 private:
  std::filesystem::path dir_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

}  // namespace tracesim::output
