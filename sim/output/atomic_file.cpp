// SPDX-License-Identifier: Apache-2.0
#include "tracesim/output/atomic_file.hpp"

#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace tracesim::output {
namespace {

std::filesystem::path temp_name(const std::filesystem::path& file) {
  // The pid keeps two processes writing the same folder apart.
  return file.parent_path() / ("." + file.filename().string() + ".tmp-" + std::to_string(::getpid()));
}

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file, int err) {
  throw std::system_error(err, std::generic_category(), "cannot " + what + " '" + file.string() + "'");
}

}  // namespace

void write_file_atomic(const std::filesystem::path& file, std::string_view content) {
  AtomicFile out{file};
  out.stream().write(content.data(), static_cast<std::streamsize>(content.size()));
  out.commit();
}

AtomicFile::AtomicFile(std::filesystem::path file) : file_{std::move(file)}, temp_{temp_name(file_)} {
  out_.open(temp_, std::ios::binary | std::ios::trunc);
  if (!out_) fail("create", temp_, errno ? errno : EIO);
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ec;
  std::filesystem::remove(temp_, ec);  // best effort: never throw from a destructor
}

void AtomicFile::commit() {
  out_.flush();
  if (!out_) fail("write", temp_, errno ? errno : EIO);
  out_.close();
  std::error_code ec;
  std::filesystem::rename(temp_, file_, ec);
  if (ec) fail("rename into place", file_, ec.value());
  committed_ = true;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read '" + file.string() + "'");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace tracesim::output
